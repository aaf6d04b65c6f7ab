import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { putRecords } from '../../../../renderer/db/changes';
import { setDb } from '../../../../renderer/db/database';
import type { BordereauDb } from '../../../../renderer/db/database';
import { ClientPage } from '../../../../renderer/features/clients/ClientPage';
import { FIRST_PAGE_SIZE } from '../../../../renderer/use-cases/inventory/use-client-equipment';
import { generateDemoData } from '../../../../shared/seed/demo-data';
import { freshDb } from '../../db/fresh-db';
import { renderAt } from '../visits/visit-screen';

const ITEMS = 130;
let db: BordereauDb;
let clientId: string;
let laptops: number;

// happy-dom lays nothing out: the virtualised table reads its viewport's size from these.
const layout = ['clientHeight', 'clientWidth'] as const;
const saved = layout.map((key) => Object.getOwnPropertyDescriptor(HTMLElement.prototype, key));

beforeEach(async () => {
  for (const key of layout)
    Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => 600 });
  db = freshDb();
  setDb(db);
  const data = generateDemoData({
    seed: 11,
    clientCount: 2,
    equipmentPerClient: [ITEMS, 5],
    now: Date.UTC(2026, 10, 30, 9),
  });
  await putRecords(db, 'clients', data.clients, { origin: 'server' });
  await putRecords(db, 'sites', data.sites, { origin: 'server' });
  await putRecords(db, 'equipment', data.equipment, { origin: 'server' });
  clientId = data.clients[0]!.id;
  laptops = data.equipment.filter((e) => e.clientId === clientId && e.category === 'laptop').length;
});
afterEach(() => {
  layout.forEach((key, i) => {
    if (saved[i]) Object.defineProperty(HTMLElement.prototype, key, saved[i]);
  });
  setDb(null);
  db.close();
});

const count = () => screen.getByTestId('inventory-count');

describe('the client page’s inventory', () => {
  it('shows the first page of items, then the whole list in the same order, then filters it', async () => {
    renderAt('/clients/:clientId', `/clients/${clientId}`, <ClientPage />);
    // The first page first: its rows and a count saying the rest is being read.
    await screen.findByText(
      `${FIRST_PAGE_SIZE} premiers équipements affichés, lecture de la suite…`,
    );
    expect(count().getAttribute('aria-busy')).toBe('true');
    const table = screen.getByRole('table', { name: 'Inventaire' });
    const firstRow = () => table.querySelector('[data-index="0"]')?.textContent;
    expect(firstRow()).toBeTruthy();
    const before = firstRow();

    await waitFor(() => expect(count().textContent).toBe(`${ITEMS} équipements sur ${ITEMS}`));
    expect(count().getAttribute('aria-busy')).toBe('false');
    // Nothing moved when the rest arrived.
    expect(firstRow()).toBe(before);

    // The filters apply to the whole list, not to the first page.
    expect(laptops).toBeGreaterThan(0);
    fireEvent.change(screen.getByLabelText('Catégorie'), { target: { value: 'laptop' } });
    await waitFor(() =>
      expect(count().textContent).toBe(
        `${laptops} équipement${laptops > 1 ? 's' : ''} sur ${ITEMS}`,
      ),
    );
  });

  it('a new item shows at once, the page staying whole', async () => {
    renderAt('/clients/:clientId', `/clients/${clientId}`, <ClientPage />);
    await waitFor(() => expect(count().textContent).toBe(`${ITEMS} équipements sur ${ITEMS}`));
    const [item] = await db.equipment.where('clientId').equals(clientId).limit(1).toArray();
    await putRecords(
      db,
      'equipment',
      [{ ...item!, id: 'nouvel-equipement', serialNumber: 'NEUF-1' }],
      {
        origin: 'server',
      },
    );
    await waitFor(() =>
      expect(count().textContent).toBe(`${ITEMS + 1} équipements sur ${ITEMS + 1}`),
    );
  });
});
