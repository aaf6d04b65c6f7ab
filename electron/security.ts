import type { Session, WebContents } from 'electron';
import { isSafeExternalUrl, isTrustedUrl } from './origin';

type NavigationEvent = { preventDefault(): void; url?: string };

/**
 * Deny by default: the renderer never navigates away from our origin, never opens a window,
 * never attaches a <webview>. https links the user clicks go to the system browser.
 */
export function hardenWebContents(
  contents: WebContents,
  options: { origins: readonly string[]; openExternal: (url: string) => void },
): void {
  const guard = (event: NavigationEvent, legacyUrl?: string) => {
    const url = event.url ?? legacyUrl ?? '';
    if (isTrustedUrl(url, options.origins)) return;
    event.preventDefault();
    if (isSafeExternalUrl(url)) options.openExternal(url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) options.openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * The permissions our own pages use, and nothing else:
 * - `media`: the camera, for photos of equipment;
 * - `persistent-storage`: `navigator.storage.persist()`, so Chromium never evicts the
 *   IndexedDB that holds unsent work;
 * - Local Network Access (`local-network-access`, and the split `local-network` /
 *   `loopback-network` of newer Chromium): the office server is usually on the office LAN or
 *   on the same machine, and since Electron 43 Chromium refuses requests from a non-local
 *   origin such as app://bordereau to private and loopback addresses unless this is granted
 *   (jeffvli/feishin#2430). Which addresses may be reached at all stays the CSP's decision
 *   (connect-src: https, or http on loopback).
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set([
  'media',
  'persistent-storage',
  'local-network-access',
  'local-network',
  'loopback-network',
]);

export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  origins: readonly string[],
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isTrustedUrl(requestingUrl, origins);
}

/**
 * Media requests name their types: only a request for the camera alone is granted. The app
 * never records sound, and a check that refused only audio-only requests granted the
 * microphone with the camera.
 */
export function isMediaRequestAllowed(mediaTypes: readonly string[] | undefined): boolean {
  return (
    mediaTypes !== undefined && mediaTypes.length > 0 && mediaTypes.every((t) => t === 'video')
  );
}

export function restrictPermissions(session: Session, origins: readonly string[]): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const url = details.requestingUrl || contents.getURL();
    const mediaOk =
      permission !== 'media' ||
      isMediaRequestAllowed('mediaTypes' in details ? details.mediaTypes : undefined);
    callback(isPermissionAllowed(permission, url, origins) && mediaOk);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    // Checks (device enumeration) may name no type; only the microphone is refused here,
    // the grant itself goes through the request handler above.
    const mediaOk = permission !== 'media' || details.mediaType !== 'audio';
    return isPermissionAllowed(permission, requestingOrigin, origins) && mediaOk;
  });
}
