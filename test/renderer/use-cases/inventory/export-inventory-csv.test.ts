import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { createClient } from '../../../../renderer/db/repositories/clients';
import { createEquipment } from '../../../../renderer/db/repositories/equipment';
import { createSite } from '../../../../renderer/db/repositories/sites';
import {
  exportInventoryCsv,
  safeFileName,
} from '../../../../renderer/use-cases/inventory/export-inventory-csv';
import { parseCsv } from '../../../../shared/inventory/csv/parse';
import { freshDb } from '../../db/fresh-db';

let db: BordereauDb;
afterEach(() => db?.close());

describe('exporting a client’s inventory as CSV', () => {
  it('writes every stored item of the client with its site’s name, in a file named for it', async () => {
    db = freshDb();
    const client = await createClient(db, { name: 'Cabinet Médical d’Orvault' });
    const other = await createClient(db, { name: 'Autre' });
    const site = await createSite(db, {
      clientId: client.id,
      name: 'Siège',
      address: '1 rue de la Paix',
      postcode: '44700',
      city: 'Orvault',
    });
    await createEquipment(db, {
      clientId: client.id,
      category: 'laptop',
      serialNumber: 'PF-1',
      siteId: site.id,
    });
    await createEquipment(db, { clientId: client.id, category: 'printer', serialNumber: 'IMP-2' });
    await createEquipment(db, { clientId: other.id, category: 'desktop', serialNumber: 'X-9' });

    const file = await exportInventoryCsv(db, client);
    expect(file.fileName).toBe('inventaire-Cabinet-Medical-d-Orvault.csv');
    const csv = parseCsv(file.text);
    if (!csv.ok) throw new Error(csv.message);
    expect(csv.rows).toHaveLength(2);
    expect(file.text).toContain('PF-1');
    expect(file.text).toContain('IMP-2');
    expect(file.text).toContain('Siège');
    expect(file.text).not.toContain('X-9');
  });

  it('names a file even for a client whose name has no letter or digit', () => {
    expect(safeFileName('« — »')).toBe('client');
    expect(safeFileName('Boulangerie Martin & Fils')).toBe('Boulangerie-Martin-Fils');
  });
});
