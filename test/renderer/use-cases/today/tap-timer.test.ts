import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { getVisit } from '../../../../renderer/db/repositories/visits';
import { startVisitFromJob } from '../../../../renderer/use-cases/today/start-visit-from-job';
import { tapTimerFollowingJob as tapTimer } from '../../../../renderer/use-cases/today/tap-timer';
import { newVisit } from '../../visits/visit-fixtures';
import { freshDb } from '../../db/fresh-db';
import { at, DAY, ids, job, MINUTE, seedMorning } from './today-fixtures';

const dbs: BordereauDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});
function open(): BordereauDb {
  const db = freshDb();
  dbs.push(db);
  return db;
}

const ARRIVAL = at(DAY, '10:05');
const clockAt = (now: number) => ({ now: () => now });
const arrival = { representativeName: '', representativeRole: '', clientConfirmedBackup: true };

describe('the timer of a visit started from a job', () => {
  it('moves the job along: a pause leaves it « En cours », the stop makes it « Terminée »', async () => {
    const db = open();
    await seedMorning(db);
    const visit = await startVisitFromJob({ db, clock: clockAt(ARRIVAL) }, ids.job, arrival);

    await tapTimer({ db, clock: clockAt(ARRIVAL + 30 * MINUTE) }, visit.id, 'pause');
    await tapTimer({ db, clock: clockAt(ARRIVAL + 40 * MINUTE) }, visit.id, 'resume');
    expect((await db.jobs.get(ids.job))?.status).toBe('in-progress');

    const stopped = await tapTimer({ db, clock: clockAt(ARRIVAL + 90 * MINUTE) }, visit.id, 'stop');
    expect(stopped.status).toBe('to-sign');
    const stored = await db.jobs.get(ids.job);
    expect(stored?.status).toBe('done');
    expect(stored?.visits).toEqual([
      { visitId: visit.id, technicianId: ids.alice, status: 'done' },
    ]);
  });

  it('writes the tap and the job together: a job that cannot be saved undoes the tap', async () => {
    const db = open();
    await seedMorning(db);
    const visit = await startVisitFromJob({ db, clock: clockAt(ARRIVAL) }, ids.job, arrival);
    const queued = await db.outbox.count();
    // The office's copy arrives unreadable (no technician): saving the job fails.
    await db.jobs.put({ ...job({ status: 'in-progress' }), technicianIds: [] });

    await expect(
      tapTimer({ db, clock: clockAt(ARRIVAL + 60 * MINUTE) }, visit.id, 'stop'),
    ).rejects.toThrow('Affectez au moins un technicien.');
    expect((await getVisit(db, visit.id))?.status).toBe('in-progress');
    expect(await db.outbox.count()).toBe(queued);
  });

  it('leaves a walk-in visit and the jobs alone', async () => {
    const db = open();
    await seedMorning(db);
    const visit = await newVisit(db, ARRIVAL);
    await tapTimer({ db, clock: clockAt(ARRIVAL) }, visit.id, 'start');
    await tapTimer({ db, clock: clockAt(ARRIVAL + MINUTE) }, visit.id, 'stop');
    expect((await db.jobs.get(ids.job))?.status).toBe('planned');
    expect(await db.outbox.where('entity').equals('jobs').count()).toBe(0);
  });

  it('never blocks the visit when its job left the laptop (reassigned while offline)', async () => {
    const db = open();
    await seedMorning(db);
    const visit = await startVisitFromJob({ db, clock: clockAt(ARRIVAL) }, ids.job, arrival);
    await db.jobs.delete(ids.job);
    const stopped = await tapTimer({ db, clock: clockAt(ARRIVAL + MINUTE) }, visit.id, 'stop');
    expect(stopped.status).toBe('to-sign');
  });
});
