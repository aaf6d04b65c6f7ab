import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { addSite, saveClient } from '../../../../renderer/use-cases/clients/client-records';
import { loadImportTargets } from '../../../../renderer/use-cases/inventory/import-targets';
import { saveEquipment } from '../../../../renderer/use-cases/inventory/save-equipment';
import { emptyFormValues } from '../../../../shared/inventory/equipment-form';
import { freshDb } from '../../db/fresh-db';
import { testDeps } from '../deps';

let db: BordereauDb;
afterEach(() => db?.close());

describe('loadImportTargets', () => {
  it('names the client, its equipment by id and its sites by id; null for an unknown client', async () => {
    db = freshDb();
    const deps = testDeps(db);
    const client = await saveClient(deps, { fields: { name: 'Garage Lefèvre' } });
    const other = await saveClient(deps, { fields: { name: 'Cabinet Vauban' } });
    const site = await addSite(deps, {
      clientId: client.id,
      name: 'Siège',
      address: '2 rue de la Gare',
      postcode: '69003',
      city: 'Lyon',
    });
    const item = await saveEquipment(deps, {
      values: { ...emptyFormValues(client.id, null), serialNumber: 'SN-1', hostname: 'PC-01' },
    });
    await saveEquipment(deps, {
      values: { ...emptyFormValues(other.id, null), serialNumber: 'SN-2' },
    });

    const targets = await loadImportTargets(db, client.id);
    expect(targets?.clientName).toBe('Garage Lefèvre');
    expect([...(targets?.identities.keys() ?? [])]).toEqual([item.id]);
    expect(targets?.identities.get(item.id)).toMatchObject({
      serialNumber: 'SN-1',
      hostname: 'PC-01',
    });
    expect(targets?.siteNames).toEqual(new Map([[site.id, 'Siège']]));
    expect(await loadImportTargets(db, 'inconnu')).toBeNull();
  });
});
