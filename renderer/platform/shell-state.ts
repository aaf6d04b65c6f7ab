import type { DesktopApi, IpcResult } from '../../shared/ipc';
import { IPC_NAMES } from '../../shared/ipc';

/**
 * Where the renderer runs:
 * - `desktop`: in the shell, with the preload's API;
 * - `browser`: a plain browser (`npm run web`, the e2e tests): browser fallbacks;
 * - `missing`: served from app:// (only the shell serves it) but without the API: the preload
 *   failed. Falling back to the browser code there would keep the sync token in clear in
 *   IndexedDB and skip every backup to disk while reporting them done: it is a fatal error.
 */
export type ShellState = 'desktop' | 'browser' | 'missing';

export const APP_PROTOCOL = 'app:';

export function detectShell(protocol: string | undefined, api: DesktopApi | undefined): ShellState {
  if (api) return 'desktop';
  return protocol === APP_PROTOCOL ? 'missing' : 'browser';
}

export const SHELL_MISSING_MESSAGE =
  'Bordereau est endommagé : le module qui relie l’affichage à l’ordinateur n’a pas pu se charger. Réinstallez l’application ; vos données locales sont conservées.';

/**
 * The API when the shell's is missing: every call fails, with an `io` code (not
 * `unavailable`, which the backups read as "a browser, nothing to do") so nothing is
 * recorded as done and nothing falls back to IndexedDB.
 */
export function missingShellApi(): DesktopApi {
  const fail = async (): Promise<IpcResult<never>> => ({
    ok: false,
    error: { code: 'io', message: SHELL_MISSING_MESSAGE },
  });
  // Every key of the contract gets the same failing function.
  return Object.fromEntries(IPC_NAMES.map((name) => [name, fail])) as unknown as DesktopApi;
}
