import { afterEach, describe, expect, it } from 'vitest';
import { backupToJson, parseBackup, restoreBackup } from '../../../renderer/db/backup';
import { deleteRecord, putRecords, updateRecord } from '../../../renderer/db/changes';
import type { BordereauDb } from '../../../renderer/db/database';
import { importEquipment } from '../../../renderer/db/equipment-import';
import {
  ChunksBuilder,
  chunkEntries,
  indexFromChunks,
} from '../../../renderer/db/equipment-search-keys';
import { searchEquipment } from '../../../renderer/db/equipment-search';
import { createClient } from '../../../renderer/db/repositories/clients';
import { createEquipment, updateEquipment } from '../../../renderer/db/repositories/equipment';
import { guessMapping } from '../../../shared/inventory/csv/columns';
import { equipmentToCsv } from '../../../shared/inventory/csv/export';
import { parseCsv } from '../../../shared/inventory/csv/parse';
import type { Equipment } from '../../../shared/inventory/equipment';
import { EquipmentSearchIndex } from '../../../shared/inventory/search-index';
import { searchKey } from '../../../shared/inventory/search-key';
import { generateDemoData } from '../../../shared/seed/demo-data';
import { freshDb, openTestDb } from './fresh-db';

const NOW = Date.UTC(2026, 10, 23, 9);
const opened: BordereauDb[] = [];
afterEach(() => opened.splice(0).forEach((d) => d.close()));
const track = (d: BordereauDb) => (opened.push(d), d);

/** The persisted keys, client by client, against the keys made afresh from the table. */
async function expectKeysFollowTable(db: BordereauDb): Promise<number> {
  const builder = new ChunksBuilder();
  builder.add(await db.equipment.toArray());
  const expected = Object.fromEntries(
    builder.chunks().map((c) => [c.clientId, Object.fromEntries(chunkEntries(c))]),
  );
  const stored = Object.fromEntries(
    (await db.equipmentSearchKeys.toArray()).map((c) => [
      c.clientId,
      Object.fromEntries(chunkEntries(c)),
    ]),
  );
  expect(stored).toEqual(expected);
  return Object.values(stored).reduce((n, lines) => n + Object.keys(lines).length, 0);
}

const demo = (seed: number, clientCount: number, perClient: number) =>
  generateDemoData({ seed, clientCount, equipmentPerClient: perClient, now: NOW });

describe('persisted search keys', () => {
  it('follow every kind of write to the equipment, in the same transaction', async () => {
    const db = track(freshDb());
    const client = await createClient(db, { name: 'Garage Lefèvre' });
    const laptop = await createEquipment(db, {
      clientId: client.id,
      category: 'laptop',
      serialNumber: '5CD-2345 XYZ',
      hostname: 'COMPTA-01',
      assignedUser: 'Jean-Luc Dupont',
    });
    expect(await expectKeysFollowTable(db)).toBe(1);
    await updateEquipment(db, laptop.id, { serialNumber: 'PF3-ABCD', assignedUser: 'Anne' });
    expect(await expectKeysFollowTable(db)).toBe(1);

    // A sync page from the office (no outbox), then an import of several batches.
    const data = demo(3, 3, 700);
    await putRecords(db, 'clients', data.clients, { origin: 'server' });
    await putRecords(db, 'equipment', data.equipment, { origin: 'server' });
    expect(await expectKeysFollowTable(db)).toBe(2_101);
    const file = demo(4, 1, 2_500);
    const csv = parseCsv(equipmentToCsv(file.equipment, new Map()));
    if (!csv.ok) throw new Error(csv.message);
    const imported = await importEquipment(
      db,
      client.id,
      csv,
      { mapping: guessMapping(csv.headers) },
      { now: NOW },
    );
    expect(imported.imported).toHaveLength(2_500);
    expect(await expectKeysFollowTable(db)).toBe(4_601);

    // Modify through a collection (Dexie's modify), a move to another client, deletes.
    await db.equipment
      .where('clientId')
      .equals(data.clients[0]!.id)
      .modify((e) => void (e.hostname = `${e.hostname}-X`));
    await updateRecord<Equipment>(db, 'equipment', laptop.id, { clientId: data.clients[1]!.id });
    await deleteRecord(db, 'equipment', imported.imported[0]!.id);
    await db.equipment.bulkDelete(imported.imported.slice(1, 50).map((e) => e.id));
    expect(await expectKeysFollowTable(db)).toBe(4_551);
    await db.equipment.where('id').between('0', 'z').delete();
    expect(await expectKeysFollowTable(db)).toBe(0);
    await putRecords(db, 'equipment', data.equipment, { origin: 'server' });
    await db.equipment.clear();
    expect(await db.equipmentSearchKeys.count()).toBe(0);
  });

  it('roll back with the equipment when the transaction fails', async () => {
    const db = track(freshDb());
    const data = demo(5, 2, 300);
    await putRecords(db, 'equipment', data.equipment, { origin: 'server' });
    const before = await db.equipmentSearchKeys.toArray();
    await expect(
      db.transaction('rw', db.equipment, db.outbox, async () => {
        await putRecords(db, 'equipment', demo(6, 1, 500).equipment, { origin: 'server' });
        await db.equipment.delete(data.equipment[0]!.id);
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect(await db.equipmentSearchKeys.toArray()).toEqual(before);
    expect(await expectKeysFollowTable(db)).toBe(600);
  });

  it('are left out of backups and rebuilt by a restore', async () => {
    const db = track(freshDb());
    const data = demo(7, 3, 200);
    await putRecords(db, 'clients', data.clients, { origin: 'server' });
    await putRecords(db, 'equipment', data.equipment, { origin: 'server' });
    const backup = parseBackup(await backupToJson(db, 'test', NOW));
    expect(Object.keys(backup.tables)).not.toContain('equipmentSearchKeys');
    const other = track(freshDb());
    await putRecords(other, 'equipment', demo(8, 1, 50).equipment, { origin: 'server' });
    await restoreBackup(other, backup);
    expect(await expectKeysFollowTable(other)).toBe(600);
  });

  it('give a newly opened database the same search answers as the records themselves', async () => {
    const db = track(freshDb());
    const data = demo(9, 6, 400);
    await putRecords(db, 'equipment', data.equipment, { origin: 'server' });
    await updateRecord<Equipment>(db, 'equipment', data.equipment[5]!.id, {
      clientId: data.clients[3]!.id,
    });
    // A new connection, as after a start: its index comes from the persisted keys.
    const reopened = track(openTestDb(db.name));
    const fromRecords = new EquipmentSearchIndex();
    for (const e of await reopened.equipment.toArray()) fromRecords.put(e.id, e);
    const fromKeys = indexFromChunks(await reopened.equipmentSearchKeys.toArray());
    const terms = new Set<string>(['A', '0', 'PC', 'NOTHERE']);
    for (const e of data.equipment.slice(0, 30)) {
      const serial = searchKey(e.serialNumber);
      terms.add(serial.slice(2, 6)).add(searchKey(e.assetTag)).add(searchKey(e.hostname));
      terms.add(searchKey(e.assignedUser.split(' ').pop() ?? ''));
    }
    terms.delete('');
    for (const term of terms) {
      expect([...fromKeys.find(term, Infinity)].sort(), term).toEqual(
        [...fromRecords.find(term, Infinity)].sort(),
      );
    }
    const moved = data.equipment[5]!;
    const found = await searchEquipment(reopened, moved.serialNumber);
    expect(found.map((e) => [e.id, e.clientId])).toEqual([[moved.id, data.clients[3]!.id]]);
  });
});
