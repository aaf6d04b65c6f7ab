import { describe, expect, it } from 'vitest';
import { SYNC_STATE_KEYS } from '../../../renderer/db/sync-state-keys';
import { freshDb, openTestDb } from './fresh-db';

/**
 * Version 5 adds the planning tables. A laptop on version 4 skipped the `requests` and `jobs`
 * records its pulls brought (it did not know them) while its cursor moved past them: the
 * upgrade sends the cursor back to the start, so the next pull brings them.
 */
describe('schema version 5: planning tables', () => {
  it('rewinds the sync cursor of a laptop that had synced, keeping its data and outbox', async () => {
    const before = freshDb({ upTo: 4 });
    await before.open();
    await before.table('syncState').put({ key: SYNC_STATE_KEYS.cursor, value: '812:4:0' });
    await before
      .table('clients')
      .add({ id: 'c1', name: 'Garage Leroy', revision: 2, updatedAt: 1 });
    await before.table('outbox').add({
      entity: 'clients',
      recordId: 'c1',
      op: 'upsert',
      baseRevision: 2,
      changes: { name: 'Garage Leroy SARL' },
      at: 2,
    });
    const name = before.name;
    before.close();

    const after = openTestDb(name, { upTo: 5 });
    await after.open();
    expect((await after.syncState.get(SYNC_STATE_KEYS.cursor))?.value).toBe('0');
    expect(await after.clients.get('c1')).toMatchObject({ name: 'Garage Leroy' });
    expect(await after.outbox.count()).toBe(1);
    expect(await after.jobs.where('technicianIds').equals('t1').count()).toBe(0);
    after.close();
  });

  it('leaves a laptop that never synced without a cursor', async () => {
    const before = freshDb({ upTo: 4 });
    await before.open();
    const name = before.name;
    before.close();
    const after = openTestDb(name, { upTo: 5 });
    await after.open();
    expect(await after.syncState.get(SYNC_STATE_KEYS.cursor)).toBeUndefined();
    after.close();
  });
});
