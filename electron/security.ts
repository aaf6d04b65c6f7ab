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

/** The only permission we use: the camera (photos of equipment), for our own pages. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  origins: readonly string[],
): boolean {
  return permission === 'media' && isTrustedUrl(requestingUrl, origins);
}

export function restrictPermissions(session: Session, origins: readonly string[]): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const url = details.requestingUrl || contents.getURL();
    const wantsAudioOnly =
      permission === 'media' &&
      'mediaTypes' in details &&
      details.mediaTypes?.every((t) => t === 'audio');
    callback(isPermissionAllowed(permission, url, origins) && !wantsAudioOnly);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, origins),
  );
}
