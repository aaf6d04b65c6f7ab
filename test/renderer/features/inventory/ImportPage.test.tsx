import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { ImportPage } from '../../../../renderer/features/inventory/ImportPage';
import { inventoryWorld, NOW, renderAt } from './inventory-screen';

let world: Awaited<ReturnType<typeof inventoryWorld>>;
let db: BordereauDb;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  world = await inventoryWorld();
  db = world.db;
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
});

const FILE = [
  'Nom;Type;Fabricant;Modèle;Numéro de série;Site',
  'COMPTA-01;Portable;Dell;Latitude 5440;SN-001;Siège',
  'COMPTA-02;Tout-en-un;HP;ProOne 440;SN-002;Agence Rennes',
  'SRV-01;Serveur;Dell;R650;SN-003;Siège',
].join('\r\n');

async function openWithFile() {
  const view = renderAt(
    '/clients/:clientId/import',
    `/clients/${world.clientId}/import`,
    <ImportPage />,
  );
  const input = await screen.findByLabelText('Fichier CSV ou Excel (.xlsx)');
  const file = new File([FILE], 'parc.csv', { type: 'text/csv' });
  fireEvent.change(input, { target: { files: [file] } });
  await waitFor(() =>
    expect(screen.getByTestId('import-summary').textContent).toBe(
      '3 nouveaux, 0 modifié, 0 inchangé, 0 rejeté, 1 avec avertissement.',
    ),
  );
  return view;
}

const select = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('the import’s mapping step', () => {
  it('guesses the columns, and says so when no column identifies the equipment', async () => {
    await openWithFile();
    expect(screen.getByLabelText('Numéro de série')).toHaveProperty('value', '4');
    expect(screen.getByLabelText('Nom')).toHaveProperty('value', '0');
    const importButton = () => screen.getByRole('button', { name: /^Importer \(/ });
    expect(importButton().textContent).toBe('Importer (3 équipements)');

    for (const label of ['Numéro de série', 'Nom', 'Modèle']) select(label, '');
    await screen.findByText(
      'Associez au moins une colonne au numéro de série, au numéro d’inventaire, au nom ou au modèle.',
    );
    await waitFor(() => expect(importButton()).toHaveProperty('disabled', true));
    expect(screen.queryByTestId('import-summary')).toBeNull();

    select('Nom', '0');
    await waitFor(() => expect(importButton()).toHaveProperty('disabled', false));
    expect(screen.getByTestId('import-summary').textContent).toBe(
      '3 nouveaux, 0 modifié, 0 inchangé, 0 rejeté, 1 avec avertissement.',
    );
    expect(await db.equipment.count()).toBe(0);
  });

  it('maps an unknown value, creates the missing site, then imports what the preview showed', async () => {
    await openWithFile();
    const allInOne = screen.getByLabelText('Catégorie pour « Tout-en-un »');
    expect(allInOne).toHaveProperty('value', 'other');
    select('Catégorie pour « Tout-en-un »', 'desktop');
    await waitFor(() =>
      expect(screen.getByLabelText('Catégorie pour « Tout-en-un »')).toHaveProperty(
        'value',
        'desktop',
      ),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Créer le site « Agence Rennes »' }));
    fireEvent.change(screen.getByLabelText('Adresse du site Agence Rennes'), {
      target: { value: '8 rue de Nantes' },
    });
    fireEvent.change(screen.getByLabelText('Code postal du site Agence Rennes'), {
      target: { value: '350' },
    });
    fireEvent.change(screen.getByLabelText('Ville du site Agence Rennes'), {
      target: { value: 'Rennes' },
    });
    const create = () =>
      fireEvent.click(screen.getByRole('button', { name: 'Créer le site et recalculer l’aperçu' }));
    create();
    await screen.findByText('Le code postal compte 5 chiffres.');
    expect(await db.sites.count()).toBe(1);
    fireEvent.change(screen.getByLabelText('Code postal du site Agence Rennes'), {
      target: { value: '35000' },
    });
    create();
    await waitFor(() =>
      expect(screen.getByTestId('import-summary').textContent).toBe(
        '3 nouveaux, 0 modifié, 0 inchangé, 0 rejeté, 0 avec avertissement.',
      ),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Importer (3 équipements)' }));
    await waitFor(() =>
      expect(screen.getByTestId('import-report').textContent).toBe(
        'parc.csv : 3 équipements ajoutés, 0 mis à jour, 0 inchangé, 0 ligne rejetée, 0 avec avertissement.',
      ),
    );
    const rennes = (await db.sites.toArray()).find((site) => site.name === 'Agence Rennes');
    const stored = await db.equipment.where('clientId').equals(world.clientId).toArray();
    expect(stored.find((e) => e.serialNumber === 'SN-002')).toMatchObject({
      category: 'desktop',
      siteId: rennes?.id,
      updatedAt: NOW,
    });
  });

  it('says in French why a file holding only its header cannot be imported', async () => {
    renderAt('/clients/:clientId/import', `/clients/${world.clientId}/import`, <ImportPage />);
    const input = await screen.findByLabelText('Fichier CSV ou Excel (.xlsx)');
    const header = new File([FILE.split('\r\n')[0]!], 'vide.csv', { type: 'text/csv' });
    fireEvent.change(input, { target: { files: [header] } });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Le fichier ne contient que l’en-tête : aucune ligne à importer.',
    );
    expect(screen.queryByTestId('import-summary')).toBeNull();
  });
});
