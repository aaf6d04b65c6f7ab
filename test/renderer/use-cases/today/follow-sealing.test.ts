import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { createDraftReport, sealStoredReport } from '../../../../renderer/db/repositories/reports';
import { followSealing } from '../../../../renderer/use-cases/today/follow-sealing';
import { startVisitFromJob } from '../../../../renderer/use-cases/today/start-visit-from-job';
import { tapTimerFollowingJob as tapTimer } from '../../../../renderer/use-cases/today/tap-timer';
import { isInOfficeQueue } from '../../../../shared/planning/job-transition';
import type { ReportResult } from '../../../../shared/report/model';
import { SEALED_AT, sampleSignatures } from '../../../fixtures/report/sample-report';
import { freshDb } from '../../db/fresh-db';
import { draftFor } from '../../visits/visit-fixtures';
import { at, DAY, ids, job, MINUTE, seedMorning } from './today-fixtures';
import { readOutbox } from '../../../../renderer/db/outbox';

const dbs: BordereauDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

const ARRIVAL = at(DAY, '10:05');
// The sample signatures' time: sealing follows them.
const SIGNED = SEALED_AT;
const clockAt = (now: number) => ({ now: () => now });
const arrival = {
  representativeName: 'Hélène Lefèvre',
  representativeRole: '',
  clientConfirmedBackup: true,
};

/** Alice starts the job, stops, and the client signs a bordereau with `result`. */
async function signVisit(result: ReportResult) {
  const db = freshDb();
  dbs.push(db);
  await seedMorning(db);
  const visit = await startVisitFromJob({ db, clock: clockAt(ARRIVAL) }, ids.job, arrival);
  const stopped = await tapTimer({ db, clock: clockAt(SIGNED - MINUTE) }, visit.id, 'stop');
  const draft = draftFor(stopped, { issuedAt: SIGNED });
  const stored = await createDraftReport(
    db,
    { ...draft, content: { ...draft.content, result } },
    SIGNED,
  );
  await sealStoredReport(
    db,
    stored.id,
    sampleSignatures(),
    SIGNED,
    await followSealing({ db, clock: clockAt(SIGNED) }, visit.id),
  );
  return { db, visit };
}

describe('the job of a visit whose bordereau is signed', () => {
  it('becomes « Signée » when the work is resolved', async () => {
    const { db, visit } = await signVisit({ status: 'resolved' });
    const stored = await db.jobs.get(ids.job);
    expect(stored?.status).toBe('signed');
    expect(stored?.visits).toEqual([
      { visitId: visit.id, technicianId: ids.alice, status: 'signed' },
    ]);
    const lastJobUpdate = (await readOutbox(db)).filter((m) => m.entity === 'jobs').at(-1);
    expect(lastJobUpdate?.changes).toMatchObject({ status: 'signed' });
  });

  it('goes back to the office’s queue « À poursuivre » when the work is to be continued', async () => {
    const { db } = await signVisit({
      status: 'to-be-continued',
      nextSteps: 'Remplacer le disque.',
    });
    const stored = await db.jobs.get(ids.job);
    expect(stored?.status).toBe('to-continue');
    expect(isInOfficeQueue(stored!)).toBe(true);
  });

  it('goes back to the office’s queue when the visit was interrupted', async () => {
    const { db } = await signVisit({
      status: 'interrupted',
      reason: 'no-access',
      detail: 'Salle serveur fermée.',
    });
    expect((await db.jobs.get(ids.job))?.status).toBe('to-continue');
  });

  it('is sealed with the report or not at all', async () => {
    const db = freshDb();
    dbs.push(db);
    await seedMorning(db);
    const visit = await startVisitFromJob({ db, clock: clockAt(ARRIVAL) }, ids.job, arrival);
    const stopped = await tapTimer({ db, clock: clockAt(SIGNED - MINUTE) }, visit.id, 'stop');
    const stored = await createDraftReport(db, draftFor(stopped, { issuedAt: SIGNED }), SIGNED);
    await db.jobs.put({ ...job({ status: 'done' }), technicianIds: [] });
    await expect(
      sealStoredReport(
        db,
        stored.id,
        sampleSignatures(),
        SIGNED,
        await followSealing({ db, clock: clockAt(SIGNED) }, visit.id),
      ),
    ).rejects.toThrow('Affectez au moins un technicien.');
    expect((await db.reports.get(stored.id))?.status).toBe('draft');
  });
});
