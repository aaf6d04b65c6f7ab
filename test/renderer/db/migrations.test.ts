import { describe, expect, it } from 'vitest';
import { searchEquipment } from '../../../renderer/db/equipment-search';
import { LATEST_VERSION } from '../../../renderer/db/schema';
import { generateDemoData } from '../../../shared/seed/demo-data';
import { freshDb, openTestDb } from './fresh-db';

describe('schema migrations', () => {
  it('upgrades a database created by version 1 to the latest with every record intact', async () => {
    const data = generateDemoData({
      seed: 3,
      clientCount: 3,
      equipmentPerClient: 40,
      now: Date.UTC(2026, 0, 5),
    });
    const v1 = freshDb({ upTo: 1 });
    await v1.open();
    expect(v1.verno).toBe(1);
    await v1.table('clients').bulkAdd(data.clients);
    await v1.table('sites').bulkAdd(data.sites);
    await v1.table('contacts').bulkAdd(data.contacts);
    // As version 1 stored them: no index fields.
    await v1.table('equipment').bulkAdd(data.equipment);
    await v1.table('subscriptions').bulkAdd(data.subscriptions);
    await v1.table('interventions').add({
      id: 'i1',
      clientId: data.clients[0]!.id,
      status: 'draft',
      startedAt: 1,
      updatedAt: 1,
      number: 'BI-1',
      revision: null,
    });
    await v1.table('outbox').add({
      entity: 'clients',
      recordId: data.clients[0]!.id,
      op: 'upsert',
      baseRevision: null,
      changes: {},
      at: 1,
    });
    const deviceId = (await v1.table('settings').get('deviceId'))?.value;
    const name = v1.name;
    v1.close();

    const latest = openTestDb(name);
    await latest.open();
    expect(latest.verno).toBe(LATEST_VERSION);
    expect(LATEST_VERSION).toBeGreaterThan(1);
    expect(await latest.clients.toArray()).toEqual(expect.arrayContaining(data.clients));
    expect(await latest.clients.count()).toBe(data.clients.length);
    expect(await latest.sites.count()).toBe(data.sites.length);
    expect(await latest.contacts.count()).toBe(data.contacts.length);
    expect(await latest.subscriptions.count()).toBe(data.subscriptions.length);
    expect(await latest.interventions.get('i1')).toMatchObject({ number: 'BI-1' });
    expect(await latest.outbox.count()).toBe(1);
    expect((await latest.settings.get('deviceId'))?.value).toBe(deviceId);

    const equipment = await latest.equipment.toArray();
    expect(equipment).toHaveLength(data.equipment.length);
    for (const original of data.equipment) {
      const upgraded = equipment.find((e) => e.id === original.id)!;
      expect(upgraded).toMatchObject(original);
      expect(upgraded.serialKey).toBe(original.serialNumber.toUpperCase());
      expect(upgraded.searchTokens).toContain(original.serialNumber.toUpperCase());
    }
    // The new indexes answer for the upgraded records.
    const target = data.equipment[17]!;
    const found = await searchEquipment(latest, target.serialNumber.slice(2, 8));
    expect(found.map((e) => e.id)).toContain(target.id);
    expect(
      await latest.equipment
        .where('[clientId+serialKey]')
        .equals([target.clientId, target.serialNumber.toUpperCase()])
        .count(),
    ).toBe(1);
    latest.close();
  });
});
