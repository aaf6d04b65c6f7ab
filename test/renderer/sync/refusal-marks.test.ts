import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { putRecord } from '../../../renderer/db/changes';
import { createSite } from '../../../renderer/db/repositories/sites';
import type { RefusalMark } from '../../../renderer/sync/refusal-marks';
import {
  discardRefused,
  readClientRefusalMarks,
  refusalKey,
  resendRefused,
} from '../../../renderer/sync/refusal-marks';
import { freshDb } from '../db/fresh-db';
import { readOutbox } from '../../../renderer/db/outbox';

const mark = (entity: RefusalMark['entity'], recordId: string, clientId: string): RefusalMark => ({
  entity,
  recordId,
  clientId,
  reason: 'forbidden',
  message: 'Ce client ne vous est pas attribué.',
  at: 1,
  localOnly: true,
});

describe('refusal marks on the laptop', () => {
  it('sends a refused record again whole, as a creation, and drops its mark', async () => {
    const db = freshDb();
    const clientId = uuidv7();
    const site = await createSite(db, {
      clientId,
      name: 'Atelier',
      address: '2 rue Neuve',
      postcode: '76000',
      city: 'Rouen',
    });
    await db.outbox.clear();
    await db.syncState.put({
      key: refusalKey('sites', site.id),
      value: mark('sites', site.id, clientId),
    });
    expect(await readClientRefusalMarks(db, clientId)).toHaveLength(1);
    expect(await resendRefused(db, 'sites', site.id, 5)).toBe(true);
    const [entry] = await readOutbox(db);
    expect(entry).toMatchObject({
      entity: 'sites',
      recordId: site.id,
      op: 'upsert',
      baseRevision: null,
      changes: { clientId, name: 'Atelier', postcode: '76000' },
      at: 5,
    });
    expect(entry!.changes).not.toHaveProperty('revision');
    expect(await readClientRefusalMarks(db, clientId)).toEqual([]);
  });

  it('gives up a record that exists here only, never a signed report', async () => {
    const db = freshDb();
    const clientId = uuidv7();
    const site = await createSite(db, {
      clientId,
      name: 'Refusé',
      address: '2 rue Neuve',
      postcode: '76000',
      city: 'Rouen',
    });
    await db.syncState.put({
      key: refusalKey('sites', site.id),
      value: mark('sites', site.id, clientId),
    });
    await discardRefused(db, 'sites', site.id);
    expect(await db.sites.get(site.id)).toBeUndefined();
    expect(await readClientRefusalMarks(db, clientId)).toEqual([]);

    const reportId = uuidv7();
    await putRecord(db, 'reports', {
      id: reportId,
      revision: null,
      updatedAt: 1,
      clientId,
      status: 'sealed',
    });
    await db.syncState.put({
      key: refusalKey('reports', reportId),
      value: mark('reports', reportId, clientId),
    });
    await expect(discardRefused(db, 'reports', reportId)).rejects.toThrow(/signé/);
    expect(await db.reports.get(reportId)).toBeDefined();
    expect(await readClientRefusalMarks(db, clientId)).toHaveLength(1);
  });
});
