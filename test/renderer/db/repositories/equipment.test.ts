import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { createClient } from '../../../../renderer/db/repositories/clients';
import {
  countEquipmentByClient,
  createEquipment,
  DuplicateAssetTagError,
  updateEquipment,
} from '../../../../renderer/db/repositories/equipment';
import { freshDb } from '../fresh-db';

let db: BordereauDb;
afterEach(() => db?.close());

describe('equipment inventory numbers', () => {
  it('are unique per client like serials, written any way', async () => {
    db = freshDb();
    const a = await createClient(db, { name: 'A' });
    const b = await createClient(db, { name: 'B' });
    const first = await createEquipment(db, {
      clientId: a.id,
      category: 'laptop',
      assetTag: 'INV-0042',
    });
    const dup = await createEquipment(db, {
      clientId: a.id,
      category: 'desktop',
      assetTag: 'inv 0042',
    }).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(DuplicateAssetTagError);
    expect((dup as DuplicateAssetTagError).message).toBe(
      'Le numéro d’inventaire « inv 0042 » est déjà celui d’un autre équipement de ce client.',
    );
    expect((dup as DuplicateAssetTagError).existingId).toBe(first.id);
    // Another client's numbering is its own.
    await createEquipment(db, { clientId: b.id, category: 'laptop', assetTag: 'INV-0042' });
    const second = await createEquipment(db, {
      clientId: a.id,
      category: 'laptop',
      assetTag: 'INV-0043',
    });
    await expect(updateEquipment(db, second.id, { assetTag: 'INV0042' })).rejects.toBeInstanceOf(
      DuplicateAssetTagError,
    );
    // Saving a record with its own number is no duplicate.
    await updateEquipment(db, first.id, { assetTag: 'INV-0042', model: 'T14' });
    expect((await db.equipment.get(second.id))?.assetTag).toBe('INV-0043');
    expect(await db.equipment.count()).toBe(3);
  });
});

describe('countEquipmentByClient', () => {
  it('counts each client’s items, zero for a client with none', async () => {
    db = freshDb();
    const a = await createClient(db, { name: 'A' });
    const b = await createClient(db, { name: 'B' });
    const c = await createClient(db, { name: 'C' });
    for (const [client, n] of [
      [a, 3],
      [b, 1],
    ] as const) {
      for (let i = 0; i < n; i++)
        await createEquipment(db, { clientId: client.id, category: 'laptop', hostname: `PC-${i}` });
    }
    expect(await countEquipmentByClient(db, [a.id, b.id, c.id])).toEqual(
      new Map([
        [a.id, 3],
        [b.id, 1],
        [c.id, 0],
      ]),
    );
  });
});
