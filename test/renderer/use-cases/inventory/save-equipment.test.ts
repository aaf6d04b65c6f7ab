import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { saveClient } from '../../../../renderer/use-cases/clients/client-records';
import {
  DuplicateAssetTagError,
  DuplicateSerialError,
  saveEquipment,
} from '../../../../renderer/use-cases/inventory/save-equipment';
import { emptyFormValues } from '../../../../shared/inventory/equipment-form';
import type { EquipmentFormValues } from '../../../../shared/inventory/equipment-form';
import { freshDb } from '../../db/fresh-db';
import { testDeps } from '../deps';

let db: BordereauDb;
afterEach(() => db?.close());

// 23 November 2026, 23:30 UTC: already the 24th in Paris.
const NOW = Date.UTC(2026, 10, 23, 23, 30);

async function withClient() {
  db = freshDb();
  const deps = testDeps(db, NOW);
  const client = await saveClient(deps, { fields: { name: 'Cabinet Vauban' } });
  const form = (overrides: Partial<EquipmentFormValues>): EquipmentFormValues => ({
    ...emptyFormValues(client.id, null),
    ...overrides,
  });
  return { deps, client, form };
}

describe('saveEquipment', () => {
  it('creates then edits an equipment at the clock’s time, each write queued for sync', async () => {
    const { deps, client, form } = await withClient();
    const outbox = await db.outbox.count();
    const created = await saveEquipment(deps, {
      values: form({ category: 'laptop', model: 'ProBook 450', serialNumber: ' 5CD2345XYZ ' }),
    });
    expect(created).toMatchObject({
      clientId: client.id,
      category: 'laptop',
      serialNumber: '5CD2345XYZ',
      siteId: null,
      purchaseDate: null,
      updatedAt: NOW,
    });
    deps.setNow(NOW + 60_000);
    const edited = await saveEquipment(deps, {
      id: created.id,
      values: {
        ...form({ category: 'laptop', serialNumber: '5CD2345XYZ' }),
        hostname: 'COMPTA-01',
      },
    });
    expect(edited).toMatchObject({
      id: created.id,
      hostname: 'COMPTA-01',
      updatedAt: NOW + 60_000,
    });
    expect(await db.equipment.count()).toBe(1);
    expect(await db.outbox.count()).toBe(outbox + 2);
  });

  it('refuses a purchase date after the clock’s today in Paris, and writes nothing', async () => {
    const { deps, form } = await withClient();
    const outbox = await db.outbox.count();
    await expect(
      saveEquipment(deps, { values: form({ serialNumber: 'SN-1', purchaseDate: '2026-11-25' }) }),
    ).rejects.toThrow('La date d’achat ne peut pas être dans le futur.');
    // The 24th is today in Paris, though still the 23rd in UTC.
    await saveEquipment(deps, {
      values: form({ serialNumber: 'SN-1', purchaseDate: '2026-11-24' }),
    });
    expect(await db.equipment.count()).toBe(1);
    expect(await db.outbox.count()).toBe(outbox + 1);
  });

  it('refuses an equipment that names nothing, with the schema’s French message', async () => {
    const { deps, form } = await withClient();
    await expect(saveEquipment(deps, { values: form({}) })).rejects.toThrow(
      'Indiquez au moins un numéro de série, un numéro d’inventaire, un nom d’hôte ou un modèle.',
    );
    expect(await db.equipment.count()).toBe(0);
  });

  it('refuses a serial or inventory number the client already has, spaces and case ignored', async () => {
    const { deps, form } = await withClient();
    const first = await saveEquipment(deps, {
      values: form({ serialNumber: '5CD2345XYZ', assetTag: 'INV-001' }),
    });
    const serial = saveEquipment(deps, { values: form({ serialNumber: '5cd 2345 xyz' }) });
    await expect(serial).rejects.toBeInstanceOf(DuplicateSerialError);
    await expect(serial).rejects.toThrow(
      'Le numéro de série « 5cd 2345 xyz » est déjà enregistré pour ce client.',
    );
    const second = await saveEquipment(deps, { values: form({ serialNumber: 'OTHER' }) });
    await expect(
      saveEquipment(deps, {
        id: second.id,
        values: form({ serialNumber: 'OTHER', assetTag: 'inv-001' }),
      }),
    ).rejects.toBeInstanceOf(DuplicateAssetTagError);
    expect((await db.equipment.get(second.id))?.assetTag).toBe('');
    expect((await db.equipment.get(first.id))?.assetTag).toBe('INV-001');
  });
});
