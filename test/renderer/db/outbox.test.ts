import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { putRecords, queueCreatedRecords } from '../../../renderer/db/changes';
import type { BordereauDb } from '../../../renderer/db/database';
import {
  countOutbox,
  readOutbox,
  removeOutboxEntries,
  removeOutboxThrough,
  reserveMutationIds,
} from '../../../renderer/db/outbox';
import { isCreationBatch } from '../../../renderer/db/outbox-row';
import { createClient } from '../../../renderer/db/repositories/clients';
import { createEquipment } from '../../../renderer/db/repositories/equipment';
import type { Equipment } from '../../../shared/inventory/equipment';
import { generateDemoData } from '../../../shared/seed/demo-data';
import { freshDb } from './fresh-db';

let db: BordereauDb;
afterEach(() => db?.close());

/** `n` new equipment records of this client (the demo data's, never stored). */
function equipmentOf(clientId: string, n: number): Equipment[] {
  const { equipment } = generateDemoData({
    seed: 14,
    clientCount: 1,
    equipmentPerClient: n,
    now: Date.UTC(2026, 10, 30),
  });
  return equipment.map((e) => ({ ...e, id: uuidv7(), clientId, siteId: null, revision: null }));
}

/** A client (one single change), two creation batches of 3 and 2, then one single change. */
async function mixedOutbox(): Promise<{ clientId: string; created: Equipment[] }> {
  const client = await createClient(db, { name: 'Garage Lefèvre' });
  const created = equipmentOf(client.id, 5);
  await db.transaction('rw', [db.equipment, db.outbox], async () => {
    const ids = await reserveMutationIds(db);
    await Promise.all([
      queueCreatedRecords(db, 'equipment', created.slice(0, 3), 7, ids),
      queueCreatedRecords(db, 'equipment', created.slice(3), 7, ids),
    ]);
  });
  await createEquipment(db, { clientId: client.id, category: 'server', serialNumber: 'LAST' });
  return { clientId: client.id, created };
}

describe('the outbox with creation batches', () => {
  it('reads every change in id order, one per created record, as one row each would be', async () => {
    db = freshDb();
    const { clientId, created } = await mixedOutbox();
    expect(await db.outbox.count()).toBe(4);
    const entries = await readOutbox(db);
    // The client is 1; 2 is the id read from the key generator, so the batches take 2–4 and 5–6.
    expect(entries.map((e) => e.mutationId)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(entries.map((e) => e.recordId).slice(1, 6)).toEqual(created.map((e) => e.id));
    expect(entries[1]).toEqual({
      mutationId: 2,
      entity: 'equipment',
      recordId: created[0]!.id,
      op: 'upsert',
      baseRevision: null,
      changes: { ...created[0], updatedAt: 7 },
      at: 7,
    });
    expect(entries[6]).toMatchObject({ entity: 'equipment', changes: { clientId } });
    expect(await countOutbox(db)).toBe(7);
  });

  it('reads from inside a batch, and stops at the limit inside one (a push watermark, a chunk)', async () => {
    db = freshDb();
    await mixedOutbox();
    expect((await readOutbox(db, { after: 3 })).map((e) => e.mutationId)).toEqual([4, 5, 6, 7]);
    expect((await readOutbox(db, { after: 1, limit: 2 })).map((e) => e.mutationId)).toEqual([2, 3]);
    expect((await readOutbox(db, { after: 3, limit: 3 })).map((e) => e.mutationId)).toEqual([
      4, 5, 6,
    ]);
    expect(await countOutbox(db, 3)).toBe(4);
    expect(await countOutbox(db, 7)).toBe(0);
  });

  it('removes what the server applied, keeping the rest of a batch it stopped inside', async () => {
    db = freshDb();
    await mixedOutbox();
    const removed = await db.transaction('rw', db.outbox, () => removeOutboxThrough(db, 3));
    expect(removed.map((e) => e.mutationId)).toEqual([1, 2, 3]);
    expect((await readOutbox(db)).map((e) => e.mutationId)).toEqual([4, 5, 6, 7]);
    expect(await db.outbox.count()).toBe(3);
    await db.transaction('rw', db.outbox, () => removeOutboxThrough(db, 7));
    expect(await db.outbox.count()).toBe(0);
  });

  it('removes single changes from a batch: the first, the last (the row’s key) or all', async () => {
    db = freshDb();
    await mixedOutbox();
    await db.transaction('rw', db.outbox, () => removeOutboxEntries(db, [2, 4, 7]));
    expect((await readOutbox(db)).map((e) => e.mutationId)).toEqual([1, 3, 5, 6]);
    // The first batch is keyed by its last remaining change now; the ids that follow are kept.
    expect(await db.outbox.toCollection().primaryKeys()).toEqual([1, 3, 6]);
    await db.transaction('rw', db.outbox, () => removeOutboxEntries(db, [3, 5, 6]));
    expect((await readOutbox(db)).map((e) => e.mutationId)).toEqual([1]);
    // An id no row holds (already gone) changes nothing.
    await db.transaction('rw', db.outbox, () => removeOutboxEntries(db, [4, 99]));
    expect(await countOutbox(db)).toBe(1);
  });

  it('gives a batch ids above every id this device used, even once the outbox emptied', async () => {
    db = freshDb();
    const client = await createClient(db, { name: 'A' });
    await createClient(db, { name: 'B' });
    // Both acknowledged by the server: the outbox is empty, ids 1 and 2 are spent for good.
    await db.outbox.clear();
    await putRecords(db, 'equipment', equipmentOf(client.id, 3), { created: true, now: 5 });
    await createClient(db, { name: 'C' });
    const entries = await readOutbox(db);
    expect(entries.map((e) => [e.entity, e.mutationId])).toEqual([
      ['equipment', 3],
      ['equipment', 4],
      ['equipment', 5],
      ['clients', 6],
    ]);
    const rows = await db.outbox.toArray();
    expect(rows.map(isCreationBatch)).toEqual([true, false]);
  });
});
