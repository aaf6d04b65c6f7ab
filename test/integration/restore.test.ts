import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupToJson, parseBackup, restoreBackup } from '../../renderer/db/backup';
import { getDeviceId } from '../../renderer/db/database';
import { createClient as createLocalClient } from '../../renderer/db/repositories/clients';
import { createEquipment } from '../../renderer/db/repositories/equipment';
import {
  createDraftReport,
  ReportNumberingBlockedError,
} from '../../renderer/db/repositories/reports';
import { draftFor, newVisit, T0 } from '../renderer/visits/visit-fixtures';
import { count, startTestServer } from '../server/helpers';
import type { TestServer } from '../server/helpers';
import { deviceChecksum, laptop, serverChecksum } from './sync-harness';
import type { TestLaptop } from './sync-harness';

/**
 * A technician restores yesterday's JSON backup on a new laptop (a fresh browser profile,
 * whose IndexedDB numbers the outbox from the backup's last number), after the old laptop
 * had synced more changes. Nothing made before or after the restore may be lost.
 */
describe('sync after restoring a backup into a fresh profile', () => {
  let server: TestServer;
  const laptops: TestLaptop[] = [];
  beforeEach(async () => {
    server = await startTestServer('pglite');
  });
  afterEach(async () => {
    for (const d of laptops.splice(0)) d.close();
    await server.close();
  });

  const serials = async (): Promise<string[]> =>
    (
      await server.db.query<{ serial: string }>(
        "SELECT data->>'serialNumber' AS serial FROM records WHERE entity = 'equipment' ORDER BY 1",
      )
    ).rows.map((r) => r.serial);

  it('sends the changes made after the restore, and the backup’s unsent ones, as a new device', async () => {
    const office = laptop(server, server.office, 'office');
    laptops.push(office);
    const client = await createLocalClient(office.db, { name: 'ALLANCE SAS', city: 'Paris' });
    await office.sync();
    await server.assign(server.tech1, client.id);

    const old = laptop(server, server.tech1, 'old-laptop');
    laptops.push(old);
    await old.sync();
    await createEquipment(old.db, {
      clientId: client.id,
      category: 'laptop',
      serialNumber: 'PC-1',
    });
    await old.sync();
    // PC-2 is still unsent when the backup is taken.
    await createEquipment(old.db, {
      clientId: client.id,
      category: 'laptop',
      serialNumber: 'PC-2',
    });
    const backup = parseBackup(await backupToJson(old.db, '1.0.0'));
    // The old laptop goes on working and syncing (PC-2 and PC-3) before it dies.
    await createEquipment(old.db, {
      clientId: client.id,
      category: 'laptop',
      serialNumber: 'PC-3',
    });
    await old.sync();
    expect(await serials()).toEqual(['PC-1', 'PC-2', 'PC-3']);
    const oldLastMutation = (await old.store.pushedThrough()) || Infinity;

    const fresh = laptop(server, server.tech1, 'new-laptop');
    laptops.push(fresh);
    await restoreBackup(fresh.db, backup);
    expect(await getDeviceId(fresh.db)).not.toBe(await getDeviceId(old.db));
    const made = await createEquipment(fresh.db, {
      clientId: client.id,
      category: 'printer',
      serialNumber: 'IMP-4',
    });
    // The trap: the new change carries a number the old device already used.
    const entry = await fresh.db.outbox.where('recordId').equals(made.id).first();
    expect(entry!.mutationId).toBeLessThanOrEqual(oldLastMutation);

    await fresh.sync();
    await fresh.sync();
    expect(await serials()).toEqual(['IMP-4', 'PC-1', 'PC-2', 'PC-3']);
    // The full pull brought what the old laptop sent after the backup.
    expect((await fresh.db.equipment.toArray()).map((e) => e.serialNumber).sort()).toEqual([
      'IMP-4',
      'PC-1',
      'PC-2',
      'PC-3',
    ]);
    expect(await fresh.db.outbox.count()).toBe(0);
    expect(
      await count(
        server.db,
        "SELECT count(*) AS n FROM mutation_results WHERE status <> 'applied'",
      ),
    ).toBe(0);
    expect(await deviceChecksum(fresh.db)).toBe(await serverChecksum(server, [client.id]));
  });

  it('issues no report number after a restore until one full sync, unless the laptop never synced', async () => {
    const office = laptop(server, server.office, 'office');
    laptops.push(office);
    await createLocalClient(office.db, { name: 'ALLANCE SAS', city: 'Paris' });
    await office.sync();
    const backup = parseBackup(await backupToJson(office.db, '1.0.0'));

    const fresh = laptop(server, server.office, 'restored');
    laptops.push(fresh);
    await restoreBackup(fresh.db, backup);
    const visit = await newVisit(fresh.db);
    await expect(createDraftReport(fresh.db, draftFor(visit), T0)).rejects.toThrow(
      ReportNumberingBlockedError,
    );
    expect(await fresh.db.reports.count()).toBe(0);
    await fresh.sync();
    const draft = await createDraftReport(fresh.db, draftFor(visit), T0);
    expect(draft.content.number).toBe('BI-2026-JD-0001');

    // A laptop that never talked to a server has nothing to wait for.
    const standalone = laptop(server, server.office, 'standalone');
    laptops.push(standalone);
    await createLocalClient(standalone.db, { name: 'Boulangerie Martin', city: 'Lyon' });
    const copy = laptop(server, server.office, 'standalone-copy');
    laptops.push(copy);
    await restoreBackup(copy.db, parseBackup(await backupToJson(standalone.db, '1.0.0')));
    const alone = await newVisit(copy.db);
    expect((await createDraftReport(copy.db, draftFor(alone), T0)).content.number).toBe(
      'BI-2026-JD-0001',
    );
  });
});
