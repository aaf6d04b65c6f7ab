import { describe, expect, it } from 'vitest';
import { createClient as createLocalClient } from '../../renderer/db/repositories/clients';
import { SYNC_STATE_KEYS } from '../../renderer/sync/dexie-sync-store';
import { BACKENDS, count } from '../server/helpers';
import { deviceChecksum, serverChecksum, useOfficeLaptop } from './sync-harness';

for (const backend of BACKENDS) {
  describe(`sync engine and the server's gap answer (${backend})`, () => {
    const world = useOfficeLaptop(backend);

    it('resends from the first id the server lacks when it answers a gap, losing nothing', async () => {
      const { server, office } = world();
      for (let i = 1; i <= 8; i++) await createLocalClient(office.db, { name: `Client ${i}` });
      // The laptop believes entries 1–5 were answered, but the server never processed them
      // (a batch lost in flight, a server restored from a backup): the next batch starts at 6.
      await office.db.syncState.put({ key: SYNC_STATE_KEYS.pushedThrough, value: 5 });

      await office.sync();

      expect(
        await count(server.db, "SELECT count(*)::int AS n FROM records WHERE entity = 'clients'"),
      ).toBe(8);
      expect(await office.db.outbox.count()).toBe(0);
      expect(await deviceChecksum(office.db)).toBe(await serverChecksum(server, null));
    });
  });
}
