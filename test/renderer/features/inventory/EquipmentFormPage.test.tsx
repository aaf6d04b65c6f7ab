import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { EquipmentFormPage } from '../../../../renderer/features/inventory/EquipmentFormPage';
import { saveEquipment } from '../../../../renderer/use-cases/inventory/save-equipment';
import { emptyFormValues } from '../../../../shared/inventory/equipment-form';
import { inventoryWorld, NOW, renderAt } from './inventory-screen';
import { dateSegments, typeDate } from '../../ui/type-date';

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

const ROUTE = '/clients/:clientId/equipment/:equipmentId';
const NEW_ROUTE = '/clients/:clientId/equipment/new';

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });
}
const save = () =>
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer l’équipement' }));

async function existing() {
  return saveEquipment(world.deps, {
    values: {
      ...emptyFormValues(world.clientId, null),
      category: 'laptop',
      model: 'ProBook 450 G10',
      serialNumber: '5CD2345XYZ',
    },
  });
}

describe('the equipment form', () => {
  it('creates an equipment on the client’s site, then goes back to the client', async () => {
    const { router } = renderAt(
      NEW_ROUTE,
      `/clients/${world.clientId}/equipment/new`,
      <EquipmentFormPage />,
    );
    await screen.findByRole('heading', { name: 'Nouvel équipement' });
    fireEvent.change(screen.getByLabelText('Catégorie'), { target: { value: 'laptop' } });
    type('Marque', 'HP');
    type('Modèle', 'ProBook 450 G10');
    type('Numéro de série', '5CD2345XYZ');
    fireEvent.change(screen.getByLabelText('Site'), { target: { value: world.siteId } });
    await typeDate('Date d’achat ou de mise en service', '2023-09-01');
    save();
    await screen.findByTestId('elsewhere');
    expect(router.state.location.pathname).toBe(`/clients/${world.clientId}`);
    const [stored] = await db.equipment.toArray();
    expect(stored).toMatchObject({
      clientId: world.clientId,
      category: 'laptop',
      brand: 'HP',
      serialNumber: '5CD2345XYZ',
      siteId: world.siteId,
      purchaseDate: '2023-09-01',
      status: 'in-service',
      updatedAt: NOW,
    });
  });

  it('shows the French message on the field at fault and stores nothing', async () => {
    renderAt(NEW_ROUTE, `/clients/${world.clientId}/equipment/new`, <EquipmentFormPage />);
    await screen.findByRole('heading', { name: 'Nouvel équipement' });
    save();
    await screen.findByText(
      'Indiquez au moins un numéro de série, un numéro d’inventaire, un nom d’hôte ou un modèle.',
    );
    expect(
      screen.getByLabelText('Numéro de série', { exact: true }).getAttribute('aria-invalid'),
    ).toBe('true');

    type('Numéro de série', 'SN-1');
    await typeDate('Date d’achat ou de mise en service', '2026-11-24');
    save();
    await screen.findByText('La date d’achat ne peut pas être dans le futur.');
    expect(
      dateSegments('Date d’achat ou de mise en service')[0]!.getAttribute('aria-invalid'),
    ).toBe('true');
    expect(await db.equipment.count()).toBe(0);
  });

  it('puts a serial number the client already has on its field', async () => {
    await existing();
    renderAt(NEW_ROUTE, `/clients/${world.clientId}/equipment/new`, <EquipmentFormPage />);
    await screen.findByRole('heading', { name: 'Nouvel équipement' });
    type('Numéro de série', '5cd 2345 xyz');
    save();
    await screen.findByText(
      'Le numéro de série « 5cd 2345 xyz » est déjà enregistré pour ce client.',
    );
    expect(
      screen.getByLabelText('Numéro de série', { exact: true }).getAttribute('aria-invalid'),
    ).toBe('true');
    expect(await db.equipment.count()).toBe(1);
  });

  it('edits an equipment: its fields filled in, the change saved at the clock’s time', async () => {
    const item = await existing();
    vi.setSystemTime(NOW + 60_000);
    renderAt(ROUTE, `/clients/${world.clientId}/equipment/${item.id}`, <EquipmentFormPage />);
    await screen.findByRole('heading', { name: 'Équipement 5CD2345XYZ' });
    expect(screen.getByLabelText('Modèle')).toHaveProperty('value', 'ProBook 450 G10');
    type('Nom d’hôte', 'COMPTA-01');
    save();
    await screen.findByTestId('elsewhere');
    expect(await db.equipment.get(item.id)).toMatchObject({
      hostname: 'COMPTA-01',
      model: 'ProBook 450 G10',
      updatedAt: NOW + 60_000,
    });
    expect(await db.equipment.count()).toBe(1);
  });

  it('retires an equipment only once the question is confirmed', async () => {
    const item = await existing();
    renderAt(ROUTE, `/clients/${world.clientId}/equipment/${item.id}`, <EquipmentFormPage />);
    await screen.findByRole('heading', { name: 'Équipement 5CD2345XYZ' });
    const question =
      'Retirer cet équipement du parc ? Il restera dans l’historique des interventions.';

    fireEvent.click(screen.getByRole('button', { name: 'Retirer du parc' }));
    const dialog = screen.getByText(question).closest('dialog');
    if (!dialog) throw new Error('pas de boîte de dialogue');
    expect(dialog.open).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(dialog.open).toBe(false));
    expect((await db.equipment.get(item.id))?.status).toBe('in-service');

    fireEvent.click(screen.getByRole('button', { name: 'Retirer du parc' }));
    await waitFor(() => expect(dialog.open).toBe(true));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Retirer' }));
    await screen.findByTestId('elsewhere');
    expect(await db.equipment.get(item.id)).toMatchObject({ status: 'retired' });
  });

  it('says an equipment of another client is not found', async () => {
    const item = await existing();
    renderAt(ROUTE, `/clients/inconnu/equipment/${item.id}`, <EquipmentFormPage />);
    await screen.findByRole('heading', { name: 'Équipement introuvable' });
  });
});
