import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION_HEADER, SCHEMA_VERSION_HEADER } from '../../shared/sync/protocol';

/**
 * Pages allowed to call the API from a browser engine. The desktop app is served from
 * app://bordereau (electron/origin.ts) and `npm run web` / `npm run dev` from the Vite
 * server, so none of them shares the office server's origin: without these CORS answers
 * Chromium blocks every sync request before it leaves the laptop.
 */
export const DEFAULT_ALLOWED_ORIGINS: readonly string[] = [
  'app://bordereau',
  'http://127.0.0.1:5173',
  'http://localhost:5173',
];

/** A page served from this very computer, on any port: http://127.0.0.1:*, localhost, [::1]. */
const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/;

export function isLoopbackOrigin(origin: string): boolean {
  return LOOPBACK_ORIGIN.test(origin);
}

/**
 * Registers @fastify/cors. Must run before any hook that may refuse a request (protocol
 * versions, authentication): a preflight carries none of our headers and must get its 204.
 * Tokens travel in the Authorization header, never in cookies, so credentials stay off.
 */
export async function registerCors(
  app: FastifyInstance,
  allowedOrigins: readonly string[],
  /**
   * Also allow pages served from this computer on any port (`npm run web` picks another port
   * when 5173 is taken). On for a server listening on loopback only (development, a single
   * laptop): no page from elsewhere can reach it anyway. Tokens are bearer headers, never
   * cookies, so an allowed origin gains nothing without a login.
   */
  allowLoopback = false,
): Promise<void> {
  const allowed = new Set(allowedOrigins);
  const permits = (origin: string) =>
    allowed.has(origin) || (allowLoopback && isLoopbackOrigin(origin));
  await app.register(cors, {
    // A request without Origin (curl, server-to-server, the tests' inject) needs no CORS
    // header; an unknown origin simply gets none, so the browser refuses the answer.
    origin: (origin, callback) => callback(null, origin !== undefined && permits(origin)),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: [
      'authorization',
      'content-type',
      PROTOCOL_VERSION_HEADER,
      SCHEMA_VERSION_HEADER,
    ],
    credentials: false,
    // Laptops re-sync every few minutes: one preflight per endpoint and ten minutes is plenty.
    maxAge: 600,
    strictPreflight: true,
  });
}
