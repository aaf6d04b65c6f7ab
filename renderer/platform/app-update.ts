/**
 * A newer version of the browser build, downloaded and waiting (service-worker.ts): what the
 * app shell's banner shows and installs. Nothing is ever swapped under an open page by itself:
 * the user chooses when (never in the middle of a signature), or the version runs at the next
 * opening once every tab of the app is closed.
 */
type Install = () => Promise<void>;

let install: Install | null = null;
const listeners = new Set<() => void>();

/** The service worker has a new version waiting; `run` activates it and reloads the page. */
export function offerAppUpdate(run: Install): void {
  install = run;
  for (const listener of listeners) listener();
}

/** For `useSyncExternalStore`: called when an update is offered. */
export function subscribeAppUpdate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True once a new version is waiting. */
export function appUpdateReady(): boolean {
  return install !== null;
}

/** Activates the waiting version; the page reloads on it. */
export async function installAppUpdate(): Promise<void> {
  if (!install) throw new Error('Aucune nouvelle version n’est prête.');
  await install();
}
