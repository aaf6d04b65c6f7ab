import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { BordereauDb } from '../../../../renderer/db/database';
import { setDb } from '../../../../renderer/db/database';
import { addSite, saveClient } from '../../../../renderer/use-cases/clients/client-records';
import { freshDb } from '../../db/fresh-db';
import { testDeps } from '../../use-cases/deps';

/** 23 November 2026, 10:00 in Paris: the app's clock in these screens' tests. */
export const NOW = Date.UTC(2026, 10, 23, 9, 0);

/** A laptop with one client and its head-office site, installed as the app's database. */
export async function inventoryWorld() {
  const db: BordereauDb = freshDb();
  setDb(db);
  const deps = testDeps(db, NOW);
  const client = await saveClient(deps, { fields: { name: 'Cabinet Vauban' } });
  const site = await addSite(deps, {
    clientId: client.id,
    name: 'Siège',
    address: '12 rue Nationale',
    postcode: '59000',
    city: 'Lille',
  });
  return { db, deps, clientId: client.id, siteId: site.id };
}

/** Renders `element` at `path` under `route`, with a page for wherever it navigates. */
export function renderAt(route: string, path: string, element: ReactElement) {
  const router = createMemoryRouter(
    [
      { path: route, element },
      { path: '*', element: <p data-testid="elsewhere">Autre page</p> },
    ],
    { initialEntries: [path] },
  );
  return { router, ...render(<RouterProvider router={router} />) };
}
