import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

/**
 * Loads a screen's module when the route is first visited: the PDF renderer, the signature
 * pad, the CSV parser and the office review are not parsed at start-up, and the first screen
 * shows sooner on a technician's laptop. Vite emits one chunk per screen.
 */
const loaders: (() => Promise<unknown>)[] = [];

function page<M, K extends keyof M>(load: () => Promise<M>, name: K): RouteObject['lazy'] {
  loaders.push(load);
  return async () => ({ Component: (await load())[name] as ComponentType });
}

/**
 * Fetches every screen's code once the first screen is up, so that later visits are instant
 * and still work if the network drops (the browser build is served over HTTP; the desktop
 * app reads app:// from disk either way).
 */
export async function preloadScreens(): Promise<void> {
  await Promise.all(loaders.map((load) => load()));
}

/** Each feature contributes its routes here; the navigation lives in nav.ts. */
export const featureRoutes: RouteObject[] = [
  // The landing screen: « Aujourd'hui » when jobs are planned today, the clients otherwise.
  {
    index: true,
    lazy: page(() => {
      // Most starts land on the clients (no job today): their screen's code is fetched
      // beside the landing's, not after its redirect.
      // A failure here is met again, with its message, when the route loads it.
      import('../features/clients/ClientsPage').catch(() => undefined);
      // The landing alone, not the today feature's index: that brings « Aujourd'hui »'s code
      // along (starting a visit, the bordereau's PDF writer and its fonts: 1 MB of code and
      // 2 MB of fonts read at every start, before the client list could show).
      return import('../features/today/TodayLanding');
    }, 'TodayLanding'),
  },
  { path: 'aujourdhui', lazy: page(() => import('../features/today'), 'TodayPage') },
  { path: 'clients', lazy: page(() => import('../features/clients/ClientsPage'), 'ClientsPage') },
  {
    path: 'clients/:clientId',
    lazy: page(() => import('../features/clients/ClientPage'), 'ClientPage'),
  },
  {
    path: 'clients/:clientId/equipment/new',
    lazy: page(() => import('../features/inventory/EquipmentFormPage'), 'EquipmentFormPage'),
  },
  {
    path: 'clients/:clientId/equipment/:equipmentId',
    lazy: page(() => import('../features/inventory/EquipmentFormPage'), 'EquipmentFormPage'),
  },
  {
    path: 'clients/:clientId/import',
    lazy: page(() => import('../features/inventory/ImportPage'), 'ImportPage'),
  },
  {
    path: 'inventaire',
    lazy: page(() => import('../features/inventory/GlobalSearchPage'), 'GlobalSearchPage'),
  },
  {
    path: 'interventions',
    lazy: page(() => import('../features/visit-list/VisitListPage'), 'VisitListPage'),
  },
  {
    path: 'interventions/nouvelle',
    lazy: page(() => import('../features/visits/NewVisitPage'), 'NewVisitPage'),
  },
  {
    path: 'interventions/:visitId',
    lazy: page(() => import('../features/visits/VisitPage'), 'VisitPage'),
  },
  {
    path: 'interventions/:visitId/signature',
    lazy: page(() => import('../features/visits/SignPage'), 'SignPage'),
  },
  {
    path: 'bordereaux/:reportId',
    lazy: page(() => import('../features/visits/ReportPage'), 'ReportPage'),
  },
  { path: 'synchronisation', lazy: page(() => import('../features/sync/SyncPage'), 'SyncPage') },
  {
    path: 'planning',
    lazy: page(() => import('../features/planning/PlanningPage'), 'PlanningPage'),
  },
  { path: 'bureau', lazy: page(() => import('../features/office/OfficePage'), 'OfficePage') },
  {
    path: 'administration',
    lazy: page(() => import('../features/admin/AdminPage'), 'AdminPage'),
  },
  {
    path: 'parametres',
    lazy: page(() => import('../features/settings/SettingsPage'), 'SettingsPage'),
  },
];
