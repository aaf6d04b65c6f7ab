import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { PRODUCTION_CSP } from './csp';
import { APP_HOST } from './origin';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/**
 * Maps an app:// URL to a file under `rootDir`, or null when it must not be served
 * (another host, or a path escaping the root once decoded and normalised).
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = resolve(rootDir);
  const file = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  return file.startsWith(root + sep) ? file : null;
}

/** The app:// handler: static files of the built renderer, with the CSP header. */
export function createAppProtocolHandler(
  rootDir: string,
  options: { csp?: string; read?: (path: string) => Promise<Uint8Array> } = {},
) {
  const read = options.read ?? readFile;
  const csp = options.csp ?? PRODUCTION_CSP;
  return async (request: Request): Promise<Response> => {
    const file = resolveAppFile(rootDir, request.url);
    if (!file) return new Response('Forbidden', { status: 403 });
    try {
      const body = await read(file);
      return new Response(body as Uint8Array<ArrayBuffer>, {
        status: 200,
        headers: {
          'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Security-Policy': csp,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
