/**
 * Where the renderer is served from. IndexedDB is per origin: this scheme and host are
 * frozen forever (Electron 23's file:// change lost data in electron/electron#37702).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bordereau';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The Vite dev server's origin: fixed port (strictPort) so the dev database never drifts. */
export const DEV_ORIGIN = 'http://127.0.0.1:5173';

/** Privileges our scheme needs: without `standard` it has no IndexedDB (electron/electron#7298). */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  stream: true,
} as const;

/** The origins whose pages may talk to the shell: ours, and the dev server only when unpackaged. */
export function trustedOrigins(isPackaged: boolean): string[] {
  return isPackaged ? [APP_ORIGIN] : [APP_ORIGIN, DEV_ORIGIN];
}

/** True when `url` belongs to one of `origins` (parsed, never a string prefix test). */
export function isTrustedUrl(url: string, origins: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // `new URL('app://bordereau/x').origin` is 'null' for non-special schemes in Node, so the
  // origin is rebuilt from its parts.
  const origin = `${parsed.protocol}//${parsed.host}`;
  return origins.includes(origin) && parsed.username === '' && parsed.password === '';
}

/** Links the user may open in the system browser: plain https only. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
