/// <reference types="vite-plugin-pwa/vanillajs" />
import type { ShellState } from './shell-state';
import { offerAppUpdate } from './app-update';
import { shouldRegisterServiceWorker } from './service-worker-policy';

/** How often an open tab asks the server for a newer version. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Registers the browser build's service worker (vite.config.ts): the app and its report fonts
 * precached at the first visit, so it opens and makes PDFs offline afterwards.
 *
 * Updates: a new version is downloaded in the background (at start and every hour) and waits
 * until every tab of the app is closed, then runs at the next opening, unless the user installs
 * it sooner from the banner it brings up (app-update.ts). It is never activated under an open
 * page by itself: reloading the code in the middle of a visit or a signature would drop what
 * is on screen, and a page running old code against new cached chunks could fail to load a
 * screen. The data stay in IndexedDB either way.
 */
export function registerServiceWorker(shell: ShellState): void {
  const supported = typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
  if (!shouldRegisterServiceWorker({ shell, production: import.meta.env.PROD, supported })) return;
  void import('virtual:pwa-register')
    .then(({ registerSW }) => {
      // Offline, the worker's script cannot be fetched (Chromium then reports "An unknown
      // error occurred when fetching the script" as a page error): registered once the
      // network is back, this session or the next.
      if (!navigator.onLine) {
        window.addEventListener('online', () => registerServiceWorker(shell), { once: true });
        return;
      }
      const updateSW = registerSW({
        immediate: true,
        // A new version is waiting: the banner offers it (app-update.ts); installing it
        // activates the waiting worker, and the page reloads once it has taken over.
        onNeedRefresh() {
          offerAppUpdate(() => updateSW(true));
        },
        onRegisteredSW(_url, registration) {
          if (registration)
            setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
        },
        onRegisterError(error: unknown) {
          console.warn('Mode hors ligne indisponible (service worker non enregistré) :', error);
        },
      });
    })
    .catch((error: unknown) => console.warn('Mode hors ligne indisponible :', error));
}
