import { afterEach, describe, expect, it } from 'vitest';
import {
  deleteRecord,
  putRecord,
  putRecords,
  RecordNotFoundError,
  updateRecord,
} from '../../../renderer/db/changes';
import type { BordereauDb } from '../../../renderer/db/database';
import { getDeviceId } from '../../../renderer/db/database';
import { freshDb } from './fresh-db';

const ID = '0192b3c4-0000-7000-8000-000000000101';
const client = {
  id: ID,
  revision: null,
  updatedAt: 0,
  name: 'Cabinet Martin',
  siret: '',
  city: 'Lyon',
  phone: '',
  email: '',
  notes: '',
  archived: false,
};

let db: BordereauDb;
afterEach(async () => {
  db?.close();
});

describe('the write path', () => {
  it('writes the record and its outbox entry together, stamped with the device clock', async () => {
    db = freshDb();
    await putRecord(db, 'clients', client, { now: 1_000 });
    expect(await db.clients.get(ID)).toMatchObject({ name: 'Cabinet Martin', updatedAt: 1_000 });
    const outbox = await db.outbox.toArray();
    expect(outbox).toEqual([
      {
        mutationId: 1,
        entity: 'clients',
        recordId: ID,
        op: 'upsert',
        baseRevision: null,
        changes: { ...client, updatedAt: 1_000 },
        at: 1_000,
      },
    ]);
  });

  it('queues only the changed fields of an update, based on the stored revision', async () => {
    db = freshDb();
    await putRecord(
      db,
      'clients',
      { ...client, revision: 7, updatedAt: 500 },
      { origin: 'server' },
    );
    await updateRecord<typeof client>(db, 'clients', ID, { city: 'Villeurbanne' }, { now: 2_000 });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({
      op: 'upsert',
      baseRevision: 7,
      changes: { city: 'Villeurbanne', updatedAt: 2_000 },
    });
    expect(await db.clients.get(ID)).toMatchObject({
      city: 'Villeurbanne',
      revision: 7,
      name: 'Cabinet Martin',
    });
  });

  it('writes server changes without outbox entries and keeps their timestamps', async () => {
    db = freshDb();
    await putRecord(
      db,
      'clients',
      { ...client, revision: 3, updatedAt: 42 },
      { origin: 'server', now: 9_999 },
    );
    await deleteRecord(db, 'clients', ID, { origin: 'server' });
    expect(await db.outbox.count()).toBe(0);
    await putRecord(db, 'clients', { ...client, revision: 3, updatedAt: 42 }, { origin: 'server' });
    expect((await db.clients.get(ID))?.updatedAt).toBe(42);
  });

  it('queues a delete with the revision it removes', async () => {
    db = freshDb();
    await putRecord(db, 'clients', { ...client, revision: 4 }, { origin: 'server' });
    await deleteRecord(db, 'clients', ID, { now: 5 });
    expect(await db.clients.get(ID)).toBeUndefined();
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({ op: 'delete', recordId: ID, baseRevision: 4, changes: {}, at: 5 }),
    ]);
  });

  it('leaves neither the record nor the outbox entry when the outbox write fails', async () => {
    db = freshDb();
    db.outbox.hook('creating', () => {
      throw new Error('disque plein');
    });
    await expect(putRecord(db, 'clients', client)).rejects.toThrow('disque plein');
    expect(await db.clients.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('leaves the record unchanged when an update fails validation', async () => {
    db = freshDb();
    await putRecord(db, 'clients', client, { now: 1 });
    const refuse = () => {
      throw new Error('refusé');
    };
    await expect(
      updateRecord<typeof client>(db, 'clients', ID, { name: '' }, { validate: refuse }),
    ).rejects.toThrow('refusé');
    expect((await db.clients.get(ID))?.name).toBe('Cabinet Martin');
    expect(await db.outbox.count()).toBe(1);
    await expect(
      updateRecord<typeof client>(db, 'clients', '0192b3c4-0000-7000-8000-0000000009ff', {
        name: 'x',
      }),
    ).rejects.toBeInstanceOf(RecordNotFoundError);
  });

  it('writes a batch all or nothing', async () => {
    db = freshDb();
    const good = { ...client, id: '0192b3c4-0000-7000-8000-000000000201' };
    // An id that is not a valid key makes the second put fail inside the transaction.
    const bad = { ...client, id: undefined as unknown as string };
    await expect(putRecords(db, 'clients', [good, bad])).rejects.toThrow();
    expect(await db.clients.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    await putRecords(db, 'clients', [good, { ...good, id: ID }], { now: 3 });
    expect(await db.clients.count()).toBe(2);
    expect((await db.outbox.toArray()).map((e) => e.mutationId)).toEqual([1, 2]);
  });

  it('gives the device a UUIDv7 id when the database is created, and keeps it', async () => {
    db = freshDb();
    const id = await getDeviceId(db);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(await getDeviceId(db)).toBe(id);
  });
});
