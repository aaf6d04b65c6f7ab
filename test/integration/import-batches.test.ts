import { describe, expect, it } from 'vitest';
import { importEquipment } from '../../renderer/db/equipment-import';
import { countOutbox } from '../../renderer/db/outbox';
import { createClient as createLocalClient } from '../../renderer/db/repositories/clients';
import { updateEquipment } from '../../renderer/db/repositories/equipment';
import { SYNC_STATE_KEYS } from '../../renderer/sync/dexie-sync-store';
import { guessMapping } from '../../shared/inventory/csv/columns';
import { parseCsv } from '../../shared/inventory/csv/parse';
import { BACKENDS, count } from '../server/helpers';
import { deviceChecksum, serverChecksum, useOfficeLaptop } from './sync-harness';

/**
 * An import's creations are queued one outbox row per batch of a thousand (renderer/db/
 * outbox-row.ts): against the real server, they arrive exactly once each, in pushes of at
 * most 500 that cut through the batches, even when an answer is lost in the middle of one.
 */
for (const backend of BACKENDS) {
  describe(`an inventory import synced to the real server (${backend})`, () => {
    const world = useOfficeLaptop(backend);

    it('sends 2,500 imported records once each, and the edit made after them, across a lost answer', async () => {
      const { server, office } = world();
      const client = await createLocalClient(office.db, { name: 'Grand compte' });
      const lines = ['Nom;Numéro de série;Type'];
      for (let i = 1; i <= 2_500; i++) lines.push(`PC-${i};SN-${i};Ordinateur`);
      const csv = parseCsv(lines.join('\n'));
      if (!csv.ok) throw new Error(csv.message);
      const result = await importEquipment(office.db, client.id, csv, {
        mapping: guessMapping(csv.headers),
      });
      expect(result.imported).toHaveLength(2_500);
      const edited = result.imported[1_700]!;
      await updateEquipment(office.db, edited.id, { assignedUser: 'Nouvelle recrue' });
      // The client, three batch rows, the edit.
      expect(await office.db.outbox.count()).toBe(5);
      expect(await countOutbox(office.db)).toBe(2_502);

      // Ids: the client 1, the creations 2–2,501 (the generator's number read at the import),
      // the edit 2,502. The server applies the second push (501–1,000: inside the first batch)
      // and its answer is lost.
      let pushes = 0;
      office.transport = async (url, init) => {
        const response = await fetch(url, init);
        if (url.includes('/sync/push') && ++pushes === 2) throw new TypeError('socket hang up');
        return response;
      };
      await expect(office.sync()).rejects.toMatchObject({ kind: 'offline' });
      const pushedThrough = await office.db.syncState.get(SYNC_STATE_KEYS.pushedThrough);
      expect(pushedThrough?.value).toBe(500);
      expect(
        await count(server.db, "SELECT count(*)::int AS n FROM records WHERE entity = 'equipment'"),
      ).toBe(999);

      office.transport = (url, init) => fetch(url, init);
      await office.sync();
      expect(
        await count(server.db, "SELECT count(*)::int AS n FROM records WHERE entity = 'equipment'"),
      ).toBe(2_500);
      // The edit is folded into its record's creation, not yet sent (sync-engine.ts).
      expect(await count(server.db, 'SELECT count(*)::int AS n FROM mutation_results')).toBe(2_501);
      const [row] = (
        await server.db.query<{ assigned: string }>(
          "SELECT data->>'assignedUser' AS assigned FROM records WHERE id = $1",
          [edited.id],
        )
      ).rows;
      expect(row?.assigned).toBe('Nouvelle recrue');
      expect(await office.db.outbox.count()).toBe(0);
      expect(await deviceChecksum(office.db)).toBe(await serverChecksum(server, null));
    });
  });
}
