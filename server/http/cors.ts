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

/**
 * Registers @fastify/cors. Must run before any hook that may refuse a request (protocol
 * versions, authentication): a preflight carries none of our headers and must get its 204.
 * Tokens travel in the Authorization header, never in cookies, so credentials stay off.
 */
export async function registerCors(
  app: FastifyInstance,
  allowedOrigins: readonly string[],
): Promise<void> {
  const allowed = new Set(allowedOrigins);
  await app.register(cors, {
    // A request without Origin (curl, server-to-server, the tests' inject) needs no CORS
    // header; an unknown origin simply gets none, so the browser refuses the answer.
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
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
