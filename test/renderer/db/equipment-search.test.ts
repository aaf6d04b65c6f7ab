import { afterEach, describe, expect, it } from 'vitest';
import { deleteRecord, putRecords } from '../../../renderer/db/changes';
import type { BordereauDb } from '../../../renderer/db/database';
import { searchEquipment } from '../../../renderer/db/equipment-search';
import { createClient } from '../../../renderer/db/repositories/clients';
import { createEquipment, updateEquipment } from '../../../renderer/db/repositories/equipment';
import { generateDemoData } from '../../../shared/seed/demo-data';
import { freshDb } from './fresh-db';

let db: BordereauDb;
afterEach(() => db?.close());

const serials = async (query: string) =>
  (await searchEquipment(db, query)).map((e) => e.serialNumber);

describe('searchEquipment over the in-memory index', () => {
  it('follows every write: created, changed, removed, and a bulk write of thousands', async () => {
    db = freshDb();
    const client = await createClient(db, { name: 'Garage Lefèvre' });
    expect(await serials('5cd')).toEqual([]);
    const laptop = await createEquipment(db, {
      clientId: client.id,
      category: 'laptop',
      serialNumber: '5CD-2345 XYZ',
      hostname: 'COMPTA-01',
      assignedUser: 'Jean-Luc Dupont',
    });
    // Any part of the serial, the start of a hostname or of a user's word.
    expect(await serials('2345x')).toEqual(['5CD-2345 XYZ']);
    expect(await serials('compta')).toEqual(['5CD-2345 XYZ']);
    expect(await serials('luc')).toEqual(['5CD-2345 XYZ']);
    expect(await serials('ompta')).toEqual([]);

    await updateEquipment(db, laptop.id, { serialNumber: 'PF3-ABCD', assignedUser: 'Anne' });
    expect(await serials('2345')).toEqual([]);
    expect(await serials('3abc')).toEqual(['PF3-ABCD']);
    expect(await serials('luc')).toEqual([]);

    const data = generateDemoData({
      seed: 3,
      clientCount: 1,
      equipmentPerClient: 3_000,
      now: Date.UTC(2026, 10, 23),
    });
    await putRecords(db, 'equipment', data.equipment, { origin: 'server' });
    const target = data.equipment[2_222]!;
    expect(await serials(target.serialNumber.slice(2, 8))).toContain(target.serialNumber);

    await deleteRecord(db, 'equipment', laptop.id);
    expect(await serials('3abc')).toEqual([]);
  });

  it('shows a record as last written, even when the previous keystroke read it', async () => {
    db = freshDb();
    const client = await createClient(db, { name: 'Garage Lefèvre' });
    const printer = await createEquipment(db, {
      clientId: client.id,
      category: 'printer',
      serialNumber: 'VNB3K12345',
      model: 'LaserJet M404',
    });
    const models = async (query: string) => (await searchEquipment(db, query)).map((e) => e.model);
    expect(await models('vnb3')).toEqual(['LaserJet M404']);
    // Not a searched field: the index is unchanged, the record is not.
    await updateEquipment(db, printer.id, { model: 'LaserJet M406' });
    expect(await models('vnb3k')).toEqual(['LaserJet M406']);
    expect(await models('vnb3k1')).toEqual(['LaserJet M406']);
    await deleteRecord(db, 'equipment', printer.id);
    expect(await models('vnb3k12')).toEqual([]);
  });
});
