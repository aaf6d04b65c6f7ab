import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { saveClient } from '../../../../renderer/use-cases/clients/client-records';
import { retireEquipment } from '../../../../renderer/use-cases/inventory/retire-equipment';
import { saveEquipment } from '../../../../renderer/use-cases/inventory/save-equipment';
import { emptyFormValues } from '../../../../shared/inventory/equipment-form';
import { freshDb } from '../../db/fresh-db';
import { testDeps } from '../deps';

let db: BordereauDb;
afterEach(() => db?.close());

const NOW = 1_780_000_000_000;

describe('retireEquipment', () => {
  it('marks the equipment retired at the clock’s time; it stays stored', async () => {
    db = freshDb();
    const deps = testDeps(db, NOW);
    const client = await saveClient(deps, { fields: { name: 'Cabinet Vauban' } });
    const item = await saveEquipment(deps, {
      values: { ...emptyFormValues(client.id, null), serialNumber: 'SN-1' },
    });
    const outbox = await db.outbox.count();
    deps.setNow(NOW + 5_000);
    const retired = await retireEquipment(deps, item.id);
    expect(retired).toMatchObject({ id: item.id, status: 'retired', updatedAt: NOW + 5_000 });
    expect((await db.equipment.get(item.id))?.status).toBe('retired');
    expect(await db.equipment.count()).toBe(1);
    expect(await db.outbox.count()).toBe(outbox + 1);
  });

  it('refuses an equipment this laptop does not have, storing nothing', async () => {
    db = freshDb();
    const deps = testDeps(db, NOW);
    await expect(retireEquipment(deps, 'inconnu')).rejects.toThrow('Enregistrement introuvable');
    expect(await db.outbox.count()).toBe(0);
  });
});
