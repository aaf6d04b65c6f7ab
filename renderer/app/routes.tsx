import type { RouteObject } from 'react-router';
import { ClientsPage } from '../features/clients/ClientsPage';
import { ClientPage } from '../features/clients/ClientPage';
import { EquipmentFormPage } from '../features/inventory/EquipmentFormPage';
import { GlobalSearchPage } from '../features/inventory/GlobalSearchPage';
import { ImportPage } from '../features/inventory/ImportPage';
import { InterventionsPage } from '../features/interventions/InterventionsPage';
import { SyncPage } from '../features/sync/SyncPage';
import { OfficePage } from '../features/office/OfficePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { NewVisitPage } from '../features/visits/NewVisitPage';
import { ReportPage } from '../features/visits/ReportPage';
import { SignPage } from '../features/visits/SignPage';
import { VisitPage } from '../features/visits/VisitPage';

/** Each feature contributes its routes here; the navigation lives in nav.ts. */
export const featureRoutes: RouteObject[] = [
  { path: 'clients', element: <ClientsPage /> },
  { path: 'clients/:clientId', element: <ClientPage /> },
  { path: 'clients/:clientId/equipment/new', element: <EquipmentFormPage /> },
  { path: 'clients/:clientId/equipment/:equipmentId', element: <EquipmentFormPage /> },
  { path: 'clients/:clientId/import', element: <ImportPage /> },
  { path: 'inventaire', element: <GlobalSearchPage /> },
  { path: 'interventions', element: <InterventionsPage /> },
  { path: 'interventions/nouvelle', element: <NewVisitPage /> },
  { path: 'interventions/:visitId', element: <VisitPage /> },
  { path: 'interventions/:visitId/signature', element: <SignPage /> },
  { path: 'bordereaux/:reportId', element: <ReportPage /> },
  { path: 'synchronisation', element: <SyncPage /> },
  { path: 'bureau', element: <OfficePage /> },
  { path: 'parametres', element: <SettingsPage /> },
];
