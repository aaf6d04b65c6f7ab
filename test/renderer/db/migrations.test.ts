import { describe, expect, it } from 'vitest';
import { equipmentIndexFields, equipmentIndexFieldsV2 } from '../../../renderer/db/equipment-index';
import { searchEquipment } from '../../../renderer/db/equipment-search';
import { findBySerial } from '../../../renderer/db/repositories/equipment';
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
    expect((await findBySerial(latest, target.clientId, target.serialNumber))?.id).toBe(target.id);
    latest.close();
  });

  it('upgrades a version 3 database to the latest with every record intact and its search keys built', async () => {
    const data = generateDemoData({
      seed: 11,
      clientCount: 4,
      equipmentPerClient: [30, 2, 0, 25],
      now: Date.UTC(2026, 0, 5),
    });
    const v3 = freshDb({ upTo: 3 });
    await v3.open();
    expect(v3.verno).toBe(3);
    // As version 3 stored them: the serial key, and stale search tokens on some (written by v2).
    const stored = data.equipment.map((e, i) => ({
      ...e,
      ...(i % 2 === 0 ? equipmentIndexFieldsV2(e) : equipmentIndexFields(e)),
    }));
    await v3.table('clients').bulkAdd(data.clients);
    await v3.table('equipment').bulkAdd(stored);
    const outbox = { entity: 'equipment', recordId: stored[0]!.id, op: 'upsert', at: 1 };
    await v3.table('outbox').add({ ...outbox, baseRevision: null, changes: {} });
    const name = v3.name;
    v3.close();

    const latest = openTestDb(name);
    await latest.open();
    expect(latest.verno).toBe(LATEST_VERSION);
    expect(await latest.clients.count()).toBe(data.clients.length);
    expect(await latest.outbox.count()).toBe(1);
    const equipment = await latest.equipment.toArray();
    expect(equipment).toHaveLength(stored.length);
    expect(equipment).toEqual(expect.arrayContaining(stored));
    // One chunk of keys per client that has equipment, with a line per item.
    const chunks = await latest.table('equipmentSearchKeys').toArray();
    expect(chunks.map((c: { clientId: string }) => c.clientId).sort()).toEqual(
      [data.clients[0]!.id, data.clients[1]!.id, data.clients[3]!.id].sort(),
    );
    const target = data.equipment[40]!;
    const found = await searchEquipment(latest, target.serialNumber.slice(1, 7));
    expect(found.map((e) => e.id)).toContain(target.id);
    expect((await findBySerial(latest, target.clientId, target.serialNumber))?.id).toBe(target.id);
    latest.close();
  });
});
