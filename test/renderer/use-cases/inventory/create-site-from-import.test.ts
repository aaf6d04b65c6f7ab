import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { saveClient } from '../../../../renderer/use-cases/clients/client-records';
import { createSiteFromImport } from '../../../../renderer/use-cases/inventory/create-site-from-import';
import {
  previewInventoryImport,
  readImportFile,
} from '../../../../renderer/use-cases/inventory/import-inventory';
import { freshDb } from '../../db/fresh-db';
import { countOutbox } from '../../../../renderer/db/outbox';
import { testDeps } from '../deps';

let db: BordereauDb;
afterEach(() => db?.close());

const CSV = ['Nom;Modèle;Numéro de série;Site', 'PC-01;Latitude;SN-001;Agence Rennes'].join('\r\n');

describe('createSiteFromImport', () => {
  it('creates the site the file names, and the preview then puts its rows on it', async () => {
    db = freshDb();
    const deps = testDeps(db, 1234);
    const { id: clientId } = await saveClient(deps, { fields: { name: 'Garage Lefèvre' } });
    const file = await readImportFile(new TextEncoder().encode(CSV));
    if (!file.ok) throw new Error(file.message);
    const before = await previewInventoryImport(deps, { clientId, file, choices: {} });
    expect([...before.plan.unknownSites.keys()]).toEqual(['Agence Rennes']);

    const outbox = await countOutbox(db);
    const site = await createSiteFromImport(deps, {
      clientId,
      name: 'Agence Rennes',
      address: { address: ' 8 rue de Nantes ', postcode: '35000', city: 'Rennes' },
    });
    expect(site).toMatchObject({
      clientId,
      name: 'Agence Rennes',
      address: '8 rue de Nantes',
      postcode: '35000',
      city: 'Rennes',
      updatedAt: 1234,
    });
    expect(await countOutbox(db)).toBe(outbox + 1);

    const after = await previewInventoryImport(deps, { clientId, file, choices: {} });
    expect(after.plan.unknownSites.size).toBe(0);
    const [row] = after.plan.accepted;
    expect(row?.kind === 'new' ? row.draft.siteId : null).toBe(site.id);
  });

  it('refuses a bad address with the site schema’s French message and stores nothing', async () => {
    db = freshDb();
    const deps = testDeps(db);
    const { id: clientId } = await saveClient(deps, { fields: { name: 'Garage Lefèvre' } });
    await expect(
      createSiteFromImport(deps, {
        clientId,
        name: 'Agence Rennes',
        address: { address: '8 rue de Nantes', postcode: '350', city: 'Rennes' },
      }),
    ).rejects.toThrow('Le code postal compte 5 chiffres.');
    await expect(
      createSiteFromImport(deps, {
        clientId,
        name: 'Agence Rennes',
        address: { address: '', postcode: '35000', city: 'Rennes' },
      }),
    ).rejects.toThrow('L’adresse est obligatoire.');
    expect(await db.sites.count()).toBe(0);
  });
});
