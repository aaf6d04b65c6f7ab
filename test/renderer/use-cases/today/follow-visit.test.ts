import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { followVisit } from '../../../../renderer/use-cases/today/follow-visit';
import { freshDb } from '../../db/fresh-db';
import { at, DAY, ids, job, seedMorning } from './today-fixtures';

const dbs: BordereauDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});
async function seeded(fields: Parameters<typeof job>[0]): Promise<BordereauDb> {
  const db = freshDb();
  dbs.push(db);
  await seedMorning(db, { job: job(fields) });
  return db;
}

const NOW = at(DAY, '10:30');
const MINE = '0193a1b2-0000-7000-8000-0000000000e1';
const BRUNOS = '0193a1b2-0000-7000-8000-0000000000e2';
const visit = (id: string) => ({ id, jobId: ids.job, startedAt: at(DAY, '10:05') });

describe('a job following the visits started from it', () => {
  it('lists a colleague joining a shared job in progress, the job staying « En cours »', async () => {
    const db = await seeded({
      technicianIds: [ids.alice, ids.bruno],
      status: 'in-progress',
      visits: [{ visitId: BRUNOS, technicianId: ids.bruno, status: 'in-progress' }],
    });
    const followed = await followVisit(db, visit(MINE), { kind: 'started' }, ids.alice, NOW);
    expect(followed?.status).toBe('in-progress');
    expect(followed?.visits).toEqual([
      { visitId: BRUNOS, technicianId: ids.bruno, status: 'in-progress' },
      { visitId: MINE, technicianId: ids.alice, status: 'in-progress' },
    ]);
  });

  it('leaves a signed job alone when a new version of its bordereau is sealed', async () => {
    const db = await seeded({
      status: 'signed',
      visits: [{ visitId: MINE, technicianId: ids.alice, status: 'signed' }],
    });
    const before = await db.outbox.count();
    const followed = await followVisit(
      db,
      visit(MINE),
      { kind: 'sealed', result: 'resolved' },
      ids.alice,
      NOW,
    );
    expect(followed?.status).toBe('signed');
    expect(await db.outbox.count()).toBe(before);
  });

  it('does nothing for a visit without job, or whose job is no longer on the laptop', async () => {
    const db = await seeded({});
    expect(
      await followVisit(db, { ...visit(MINE), jobId: null }, { kind: 'started' }, ids.alice, NOW),
    ).toBeNull();
    await db.jobs.clear();
    expect(await followVisit(db, visit(MINE), { kind: 'started' }, ids.alice, NOW)).toBeNull();
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps the earliest arrival on the request', async () => {
    const db = await seeded({});
    await db.requests.update(ids.request, { respondedAt: at(DAY, '09:45') });
    await followVisit(db, visit(MINE), { kind: 'started' }, ids.alice, NOW);
    expect((await db.requests.get(ids.request))?.respondedAt).toBe(at(DAY, '09:45'));
  });
});
