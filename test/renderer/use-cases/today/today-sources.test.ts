import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { startVisitFromJob } from '../../../../renderer/use-cases/today/start-visit-from-job';
import { todayPlan } from '../../../../renderer/use-cases/today/today-plan';
import { hasJobsToday, loadTodaySources } from '../../../../renderer/use-cases/today/today-sources';
import { tapTimerFollowingJob as tapTimer } from '../../../../renderer/use-cases/today/tap-timer';
import { freshDb } from '../../db/fresh-db';
import { at, DAY, ids, job, MINUTE, request, seedMorning } from './today-fixtures';

const dbs: BordereauDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});
function open(): BordereauDb {
  const db = freshDb();
  dbs.push(db);
  return db;
}

const MORNING = at(DAY, '08:00');
const OTHER_JOB = '0193a1b2-0000-7000-8000-0000000000d1';
const TOMORROW_JOB = '0193a1b2-0000-7000-8000-0000000000d2';

describe('« Aujourd’hui » read from this laptop only', () => {
  it('shows the technician’s jobs of the day with site, access notes, equipment and deadline', async () => {
    const db = open();
    await seedMorning(db);
    await db.jobs.put(job({ id: OTHER_JOB, technicianIds: [ids.bruno] }));
    await db.jobs.put(job({ id: TOMORROW_JOB, date: '2026-11-24' }));

    expect(await hasJobsToday(db, MORNING)).toBe(true);
    const plan = todayPlan(await loadTodaySources(db, MORNING), MORNING);
    expect(plan.date).toBe(DAY);
    expect(plan.today.map((j) => j.jobId)).toEqual([ids.job]);
    expect(plan.today[0]).toMatchObject({
      clientName: 'Cabinet Lefèvre',
      siteName: 'Siège',
      address: '12 rue des Tanneurs, 67000 Strasbourg',
      accessNotes: 'Badge à l’accueil, code porte 4512.',
      kind: 'Incident',
      statusLabel: 'Planifiée',
      startable: true,
      equipment: [{ id: ids.server, label: 'Serveur Dell PowerEdge T150', history: [] }],
      // Called Monday 9:00 about a server: 4 working hours → 14:30 (lunch break excluded).
      deadline: { dueAt: at(DAY, '14:30'), status: 'open', statusLabel: 'Dans les délais' },
    });
    expect(plan.upcoming.map((d) => [d.date, d.jobs.map((j) => j.jobId)])).toEqual([
      ['2026-11-24', [TOMORROW_JOB]],
    ]);
  });

  it('after a visit: the job in progress, the request answered in time, the equipment’s history', async () => {
    const db = open();
    await seedMorning(db);
    const arrival = at(DAY, '10:05');
    const visit = await startVisitFromJob({ db, clock: { now: () => arrival } }, ids.job, {
      representativeName: '',
      representativeRole: '',
      clientConfirmedBackup: true,
    });
    await tapTimer({ db, clock: { now: () => arrival + 30 * MINUTE } }, visit.id, 'stop');

    const later = at(DAY, '16:00');
    const plan = todayPlan(await loadTodaySources(db, later), later);
    expect(plan.today[0]).toMatchObject({
      status: 'done',
      openVisitId: visit.id,
      startable: false,
      deadline: { status: 'met', statusLabel: 'Délai respecté' },
    });
    expect(plan.today[0]?.equipment[0]?.history).toEqual([
      expect.objectContaining({ visitId: visit.id, at: arrival, signed: false }),
    ]);
  });

  it('has nothing to show before the first sync, and says when the request is missing', async () => {
    const db = open();
    expect(await hasJobsToday(db, MORNING)).toBe(false);
    await seedMorning(db);
    await db.requests.delete(ids.request);
    const plan = todayPlan(await loadTodaySources(db, MORNING), MORNING);
    expect(plan.today[0]).toMatchObject({ startable: false, deadline: null });
    expect(plan.today[0]?.missing).toMatch(/synchronisez/);
  });

  it('keeps an unfinished job of an earlier day on today’s list, not a finished one', async () => {
    const db = open();
    await seedMorning(db, { job: job({ date: '2026-11-20', status: 'in-progress' }) });
    await db.requests.put(request());
    await db.jobs.put(job({ id: OTHER_JOB, date: '2026-11-20', status: 'signed' }));
    const plan = todayPlan(await loadTodaySources(db, MORNING), MORNING);
    expect(plan.today.map((j) => j.jobId)).toEqual([ids.job]);
  });
});
