import { describe, expect, it } from 'vitest';
import { SYNC_STATE_KEYS } from '../../../renderer/db/sync-state-keys';
import { freshDb, openTestDb } from './fresh-db';

/**
 * Version 4 adds the planning tables. A laptop on version 3 skipped the `requests` and `jobs`
 * records its pulls brought (it did not know them) while its cursor moved past them: the
 * upgrade sends the cursor back to the start, so the next pull brings them.
 */
describe('schema version 4: planning tables', () => {
  it('rewinds the sync cursor of a laptop that had synced, keeping its data and outbox', async () => {
    const v3 = freshDb({ upTo: 3 });
    await v3.open();
    await v3.table('syncState').put({ key: SYNC_STATE_KEYS.cursor, value: '812:4:0' });
    await v3.table('clients').add({ id: 'c1', name: 'Garage Leroy', revision: 2, updatedAt: 1 });
    await v3.table('outbox').add({
      entity: 'clients',
      recordId: 'c1',
      op: 'upsert',
      baseRevision: 2,
      changes: { name: 'Garage Leroy SARL' },
      at: 2,
    });
    const name = v3.name;
    v3.close();

    const v4 = openTestDb(name, { upTo: 4 });
    await v4.open();
    expect((await v4.syncState.get(SYNC_STATE_KEYS.cursor))?.value).toBe('0');
    expect(await v4.clients.get('c1')).toMatchObject({ name: 'Garage Leroy' });
    expect(await v4.outbox.count()).toBe(1);
    expect(await v4.jobs.where('technicianIds').equals('t1').count()).toBe(0);
    v4.close();
  });

  it('leaves a laptop that never synced without a cursor', async () => {
    const v3 = freshDb({ upTo: 3 });
    await v3.open();
    const name = v3.name;
    v3.close();
    const v4 = openTestDb(name, { upTo: 4 });
    await v4.open();
    expect(await v4.syncState.get(SYNC_STATE_KEYS.cursor)).toBeUndefined();
    v4.close();
  });
});
