import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, vi } from 'vitest';
import { setDb } from '../../../../renderer/db/database';
import { T0, visitWorld } from '../../use-cases/visits/visit-world';
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

/**
 * Each test of the file on a fresh laptop (appWorld) with the app's clock at T0 (fake timers
 * on Date only), closed after it; `ready` receives the world before the test runs.
 */
export function useAppWorldAtT0(ready: (world: VisitWorld) => void): void {
  let world: VisitWorld | undefined;
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    world = await appWorld();
    ready(world);
  });
  afterEach(() => {
    vi.useRealTimers();
    world?.db.close();
  });
}
