/**
 * The Content-Security-Policy of app://, sent as a header by the protocol handler (a <meta>
 * CSP ignores frame-ancestors). Images and media allow data:/blob: for signatures, photos and
 * the camera; network requests go to our origin or to an https office server.
 *
 * Plain http to loopback is allowed only in development and in the e2e tests (office server
 * and renderer on the same machine): a packaged build talks https only, so a local process
 * listening on a loopback port can never be reached by a script injected into the page.
 */
function policy(connectSrc: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "font-src 'self'",
    `connect-src ${connectSrc}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const PRODUCTION_CSP = policy("'self' https:");

/** Development and e2e tests: the same policy, plus an office server over http on loopback. */
export const DEVELOPMENT_CSP = policy("'self' https: http://127.0.0.1:* http://localhost:*");

export function contentSecurityPolicy(isPackaged: boolean): string {
  return isPackaged ? PRODUCTION_CSP : DEVELOPMENT_CSP;
}
