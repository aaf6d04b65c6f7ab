import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { startVisitFromJob } from '../../../../renderer/use-cases/today/start-visit-from-job';
import { visitTimeline } from '../../../../shared/time/segments';
import { freshDb } from '../../db/fresh-db';
import { at, DAY, ids, job, request, seedMorning } from './today-fixtures';
import { readOutbox } from '../../../../renderer/db/outbox';

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
const deps = (db: BordereauDb, now = ARRIVAL) => ({ db, clock: { now: () => now } });
const arrival = {
  representativeName: 'Hélène Lefèvre',
  representativeRole: 'Gérante',
  clientConfirmedBackup: true,
};

describe('starting a visit from a planned job', () => {
  it('fills the visit from the job and its request, links both and moves the job to « En cours » in one write', async () => {
    const db = open();
    await seedMorning(db);
    const outboxBefore = await db.outbox.count();

    const visit = await startVisitFromJob(deps(db), ids.job, arrival);

    expect(visit).toMatchObject({
      clientId: ids.client,
      siteId: ids.site,
      contractId: 'contract-lefevre',
      jobId: ids.job,
      status: 'in-progress',
      startedAt: ARRIVAL,
    });
    expect(visit.header).toMatchObject({
      mode: 'onsite',
      type: 'curative',
      urgency: 'normal',
      request: 'Le serveur ne démarre plus.',
      representative: { name: 'Hélène Lefèvre', role: 'Gérante' },
      clientConfirmedBackup: true,
      includedInSubscription: false,
      requestedAt: at(DAY, '09:00'),
    });
    expect(visit.work.equipment.map((e) => e.equipmentId)).toEqual([ids.server]);
    expect(visitTimeline(visit.events, ARRIVAL + 1).state).toBe('running');

    const stored = await db.jobs.get(ids.job);
    expect(stored?.status).toBe('in-progress');
    expect(stored?.visits).toEqual([
      { visitId: visit.id, technicianId: ids.alice, status: 'in-progress' },
    ]);
    // The request is answered at the arrival: what the office's SLA list reads.
    expect((await db.requests.get(ids.request))?.respondedAt).toBe(ARRIVAL);

    // Queued for the office: the job as a progress update (status, visits and their round: the
    // assignment is the office's), the request's arrival, the visit.
    const queued = (await readOutbox(db)).slice(outboxBefore);
    const jobChanges = queued.filter((m) => m.entity === 'jobs').map((m) => Object.keys(m.changes));
    expect(jobChanges).toEqual([['status', 'visits', 'round', 'updatedAt']]);
    expect(queued.find((m) => m.entity === 'requests')?.changes).toMatchObject({
      respondedAt: ARRIVAL,
    });
    expect(queued.some((m) => m.entity === 'interventions' && m.recordId === visit.id)).toBe(true);
  });

  it('gives a planned infogérance visit its type and counts it in the subscription', async () => {
    const db = open();
    await seedMorning(db, { request: request({ kind: 'planned-visit', slaClass: 'none' }) });
    const visit = await startVisitFromJob(deps(db), ids.job, arrival);
    expect(visit.header.type).toBe('planned-visit');
    expect(visit.header.includedInSubscription).toBe(true);
  });

  it('returns the visit already started when tapped twice, without a second visit', async () => {
    const db = open();
    await seedMorning(db);
    const first = await startVisitFromJob(deps(db), ids.job, arrival);
    const again = await startVisitFromJob(deps(db, ARRIVAL + 5_000), ids.job, arrival);
    expect(again.id).toBe(first.id);
    expect(await db.interventions.count()).toBe(1);
    expect((await db.jobs.get(ids.job))?.visits).toHaveLength(1);
  });

  it('refuses a job already signed or back at the office, and writes nothing', async () => {
    const db = open();
    await seedMorning(db, { job: job({ status: 'to-continue' }) });
    await expect(startVisitFromJob(deps(db), ids.job, arrival)).rejects.toThrow(
      'Impossible de démarrer la visite : l’intervention est « À poursuivre ».',
    );
    expect(await db.interventions.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('says so when the job left this laptop (reassigned), and writes nothing', async () => {
    const db = open();
    await seedMorning(db);
    await db.jobs.delete(ids.job);
    await expect(startVisitFromJob(deps(db), ids.job, arrival)).rejects.toThrow(
      /n’est plus sur ce poste/,
    );
    expect(await db.interventions.count()).toBe(0);
  });

  it('keeps the visit, the job and the request together: the last write failing undoes all', async () => {
    const db = open();
    // A stored request the schema refuses: only its arrival write, the last one, fails.
    await seedMorning(db, {
      request: { ...request(), channel: 'fax' as 'phone' },
    });
    await expect(startVisitFromJob(deps(db), ids.job, arrival)).rejects.toThrow(
      'Canal de la demande inconnu.',
    );
    expect(await db.interventions.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.jobs.get(ids.job))?.status).toBe('planned');
  });
});
