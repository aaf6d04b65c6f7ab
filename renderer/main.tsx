import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { afterStartUp } from './app/after-start-up';
import { createAppRouter } from './app/router';
import { preloadScreens } from './app/routes';
import './app/styles.css';
import { bootstrapDatabase } from './db/bootstrap';
import { startSyncService } from './sync/sync-service';
import { shellState } from './platform/desktop';
import { ShellMissingScreen } from './platform/ShellMissingScreen';
import { registerServiceWorker } from './platform/service-worker';

const container = document.getElementById('root');
if (!container) throw new Error('élément #root absent de index.html');

if (shellState === 'missing') {
  // Served by the shell without its API (the preload failed): nothing is opened, written or
  // synced; the user is told to reinstall (platform/shell-state.ts).
  createRoot(container).render(<ShellMissingScreen />);
} else {
  // Open the local database (persistent storage, device id, backup on version change) early.
  void bootstrapDatabase();
  // Background sync with the office server: once the first screen is up (a cycle reads the
  // outbox and writes what it pulls: not while the client list is being read), then on
  // reconnection and every few minutes. "Synchroniser maintenant" starts it sooner.
  afterStartUp(() => startSyncService());
  // The browser build's offline cache (platform/service-worker.ts), never in the desktop
  // shell; its precache download waits for the first screen too.
  afterStartUp(() => registerServiceWorker(shellState));

  createRoot(container).render(
    <StrictMode>
      <RouterProvider router={createAppRouter()} />
    </StrictMode>,
  );

  // Once the first screen is up: parsing every screen's code (the PDF writer among them)
  // right away took the cores from the client list at each start. Not awaited: a screen
  // whose code failed to preload is loaded again on its first visit, and a failure then
  // reaches the error boundary with its message.
  afterStartUp(() => {
    preloadScreens().then(
      // Every screen now opens without the network (the e2e tests wait for this mark).
      () => (document.documentElement.dataset['screensLoaded'] = 'true'),
      (error: unknown) => console.warn('Préchargement des écrans :', error),
    );
  });
}
