import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDb } from '../../../../renderer/db/database';
import type { BordereauDb } from '../../../../renderer/db/database';
import { createClient } from '../../../../renderer/db/repositories/clients';
import { createContact } from '../../../../renderer/db/repositories/contacts';
import { createEquipment } from '../../../../renderer/db/repositories/equipment';
import { ClientsPage } from '../../../../renderer/features/clients/ClientsPage';
import { freshDb } from '../../db/fresh-db';
import { renderAt } from '../visits/visit-screen';

let db: BordereauDb;
beforeEach(async () => {
  db = freshDb();
  setDb(db);
  const garage = await createClient(db, { name: 'Garage Lefèvre', city: 'Nantes' });
  const bakery = await createClient(db, { name: 'Boulangerie Martin', city: 'Rezé' });
  await createContact(db, { clientId: bakery.id, role: 'signatory', name: 'Hélène Caradec' });
  for (const serialNumber of ['PF-1', 'PF-2', 'PF-3'])
    await createEquipment(db, { clientId: garage.id, category: 'laptop', serialNumber });
});
afterEach(() => {
  setDb(null);
  db.close();
});

const rows = () =>
  within(screen.getByRole('table', { name: 'Liste des clients' }))
    .getAllByRole('row')
    .slice(1)
    // The name as its link reads (sync badges follow it in the cell), the city, the count.
    .map((r) => {
      const [name, city, count] = r.querySelectorAll('td');
      return [name?.querySelector('a')?.textContent, city?.textContent, count?.textContent];
    });

describe('the clients list', () => {
  it('lists the clients by name with their item counts, and finds one by a contact’s name', async () => {
    renderAt('/clients', '/clients', <ClientsPage />);
    await waitFor(() =>
      expect(rows()).toEqual([
        ['Boulangerie Martin', 'Rezé', '0'],
        ['Garage Lefèvre', 'Nantes', '3'],
      ]),
    );
    // The contacts are read after the rows: the search finds a client by them.
    fireEvent.change(screen.getByLabelText('Rechercher un client'), {
      target: { value: 'caradec' },
    });
    await waitFor(() => expect(rows()).toEqual([['Boulangerie Martin', 'Rezé', '0']]));
    fireEvent.change(screen.getByLabelText('Rechercher un client'), {
      target: { value: 'inconnu' },
    });
    await screen.findByText('Aucun client ne correspond à « inconnu ».');
  });

  it('counts a new item once it is stored', async () => {
    renderAt('/clients', '/clients', <ClientsPage />);
    await waitFor(() => expect(rows()[1]?.[2]).toBe('3'));
    const [garage] = await db.clients.where('name').equals('Garage Lefèvre').toArray();
    await createEquipment(db, { clientId: garage!.id, category: 'printer', serialNumber: 'IMP-9' });
    await waitFor(() => expect(rows()[1]?.[2]).toBe('4'));
  });
});
