import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { createClient } from '../../../../renderer/db/repositories/clients';
import { createEquipment } from '../../../../renderer/db/repositories/equipment';
import { findEquipment } from '../../../../renderer/use-cases/inventory/use-equipment-search';
import { freshDb } from '../../db/fresh-db';

let db: BordereauDb;
afterEach(() => db?.close());

describe('the search across every client’s equipment', () => {
  it('finds items by part of a serial or a hostname, each with its client’s name', async () => {
    db = freshDb();
    const garage = await createClient(db, { name: 'Garage Lefèvre' });
    const bakery = await createClient(db, { name: 'Boulangerie Martin' });
    await createEquipment(db, {
      clientId: garage.id,
      category: 'laptop',
      serialNumber: '5CD-2345 XYZ',
      hostname: 'COMPTA-01',
    });
    await createEquipment(db, {
      clientId: bakery.id,
      category: 'desktop',
      serialNumber: '5CD-9999',
      hostname: 'CAISSE',
    });

    const hits = await findEquipment(db, '2345', 50);
    expect(hits.map((h) => [h.item.serialNumber, h.clientName])).toEqual([
      ['5CD-2345 XYZ', 'Garage Lefèvre'],
    ]);
    const both = await findEquipment(db, '5cd', 50);
    expect(both.map((h) => h.clientName).sort()).toEqual(['Boulangerie Martin', 'Garage Lefèvre']);
    expect((await findEquipment(db, 'caisse', 50)).map((h) => h.clientName)).toEqual([
      'Boulangerie Martin',
    ]);
    expect(await findEquipment(db, '5cd', 1)).toHaveLength(1);
    expect(await findEquipment(db, '   ', 50)).toEqual([]);
  });
});
