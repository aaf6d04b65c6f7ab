import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { addSite, saveClient } from '../../../../renderer/use-cases/clients/client-records';
import { loadEquipmentFormData } from '../../../../renderer/use-cases/inventory/equipment-form-data';
import { saveEquipment } from '../../../../renderer/use-cases/inventory/save-equipment';
import { emptyFormValues } from '../../../../shared/inventory/equipment-form';
import { freshDb } from '../../db/fresh-db';
import { testDeps } from '../deps';

let db: BordereauDb;
afterEach(() => db?.close());

describe('loadEquipmentFormData', () => {
  it('gives the client’s name and sites, and the equipment edited, only if it is the client’s', async () => {
    db = freshDb();
    const deps = testDeps(db);
    const client = await saveClient(deps, { fields: { name: 'Cabinet Vauban' } });
    const site = await addSite(deps, {
      clientId: client.id,
      name: 'Siège',
      address: '12 rue Nationale',
      postcode: '59000',
      city: 'Lille',
    });
    const form = { ...emptyFormValues(client.id, null), serialNumber: 'SN-1', siteId: site.id };
    const other = await saveClient(deps, { fields: { name: 'Garage Lefèvre' } });
    const item = await saveEquipment(deps, { values: form });
    expect(await loadEquipmentFormData(db, client.id, undefined)).toEqual({
      clientName: 'Cabinet Vauban',
      sites: [site],
      existing: null,
    });
    expect((await loadEquipmentFormData(db, client.id, item.id))?.existing?.id).toBe(item.id);
    expect(await loadEquipmentFormData(db, other.id, item.id)).toBeNull();
    expect(await loadEquipmentFormData(db, client.id, 'inconnu')).toBeNull();
    expect(await loadEquipmentFormData(db, 'inconnu', undefined)).toBeNull();
  });
});
