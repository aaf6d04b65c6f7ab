/**
 * The production Content-Security-Policy, sent as a header by the app:// protocol handler
 * (a <meta> CSP ignores frame-ancestors). Images and media allow data:/blob: for signatures,
 * photos and the camera; network requests go to our origin or to an https office server
 * (plain http only on loopback, for a server on the same machine).
 */
export const PRODUCTION_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "font-src 'self'",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
