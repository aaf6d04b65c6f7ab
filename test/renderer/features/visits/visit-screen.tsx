import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { setDb } from '../../../../renderer/db/database';
import { visitWorld } from '../../use-cases/visits/visit-world';
import type { VisitWorld } from '../../use-cases/visits/visit-world';

/**
 * A laptop ready for a visit (see visit-world.ts) installed as the app's database, and the
 * app's clock (Date.now) set to the world's clock by fake timers on Date only.
 */
export async function appWorld(): Promise<VisitWorld> {
  const world = await visitWorld();
  setDb(world.db);
  return world;
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
