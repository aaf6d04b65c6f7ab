import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ApiError } from '../shared/sync/protocol';
import { SYNC_LIMITS } from '../shared/sync/protocol';
import { databaseBlobStore } from './blobs/database-blob-store';
import { fileBlobStore } from './blobs/file-blob-store';
import { BLOB_DEFAULTS } from './blobs/blob-defaults';
import type { TrustProxy } from './config';
import type { Database } from './db/database';
import { ApiHttpError } from './http/api-error';
import { registerAuthentication } from './http/authenticate';
import { DEFAULT_ALLOWED_ORIGINS, registerCors } from './http/cors';
import { checkProtocolVersions, needsProtocolVersions } from './http/protocol-version';
import { registerAdminRoutes } from './routes/admin';
import { registerAuthRoutes } from './routes/auth';
import { registerBlobRoutes } from './routes/blobs';
import { registerDeliveryRoutes } from './routes/deliveries';
import { registerHealthRoute } from './routes/health';
import { registerSyncRoutes } from './routes/sync';
import { registerUpdateRoutes } from './routes/updates';
import { registerVerifyRoute } from './routes/verify';
import type { PushFaults } from './sync/push';

export type AppOptions = {
  db: Database;
  /** The server clock (tests pass a fake one). */
  now?: () => number;
  tokenTtlMs?: number;
  loginRatePerMinute?: number;
  logger?: boolean;
  /** Browser origins allowed to call the API (see http/cors.ts for the defaults). */
  allowedOrigins?: readonly string[];
  /** Allow any loopback origin as well (BORDEREAU_ALLOW_LOOPBACK_ORIGINS, http/cors.ts). */
  allowLoopbackOrigins?: boolean;
  /**
   * Which reverse proxies' X-Forwarded-For to believe (BORDEREAU_TRUST_PROXY): the client
   * address it gives keys the login rate limit. False by default: direct connections.
   */
  trustProxy?: TrustProxy;
  /** Crash-test fault injection (see PushFaults); never set in production. */
  pushFaults?: PushFaults;
  /** The e-mail outbox (server/delivery): whether SMTP is set, and a nudge for a resend. */
  delivery?: { smtpConfigured: boolean; onEnqueued?: () => void };
  /** Blob storage (see BlobSettings); the defaults otherwise. */
  blobs?: BlobSettings;
};

export type BlobSettings = {
  /**
   * Embedded mode (PGlite) only: the directory blob files live in (BORDEREAU_BLOB_DIR). Without
   * it, or with PostgreSQL, blobs are kept in the database.
   */
  dir?: string;
  /** Bytes of blobs one account may upload (BORDEREAU_BLOB_QUOTA_MB). */
  quotaBytes?: number;
  /** Uploads received at once (BORDEREAU_MAX_CONCURRENT_UPLOADS). */
  maxConcurrentUploads?: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** The office server's HTTP application, without listening: tests inject requests or listen on port 0. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db } = options;
  const now = options.now ?? Date.now;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: SYNC_LIMITS.maxSmallBodyBytes,
    // Behind the TLS reverse proxy every connection comes from the proxy: unless it is trusted,
    // all users would share one login rate-limit bucket.
    trustProxy: options.trustProxy ?? false,
  });

  // Blob uploads are streamed to their store by the route (never buffered whole here).
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) =>
    done(null, payload),
  );

  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'too_many_requests',
      message: `Trop de tentatives : réessayez dans ${Math.ceil(context.ttl / 1000)} secondes.`,
    }),
  });

  await registerCors(
    app,
    options.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS,
    options.allowLoopbackOrigins ?? false,
  );

  app.addHook('onRequest', async (request) => {
    if (needsProtocolVersions(request)) checkProtocolVersions(request.headers);
  });

  app.setNotFoundHandler((_request, reply) => {
    const body: ApiError = { error: 'not_found', message: 'Adresse inconnue du serveur.' };
    return reply.code(404).send(body);
  });

  app.setErrorHandler((error: FastifyError | ApiHttpError | Error, request, reply) => {
    if (error instanceof ApiHttpError) return reply.code(error.statusCode).send(error.body);
    const status =
      'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 429) {
      return reply
        .code(429)
        .send({ error: 'too_many_requests', message: error.message } satisfies ApiError);
    }
    if (status === 413) {
      const body: ApiError = {
        error: 'payload_too_large',
        message: 'Requête trop volumineuse pour le serveur.',
      };
      return reply.code(413).send(body);
    }
    if (status >= 400 && status < 500) {
      // Fastify's own refusals (invalid JSON, unexpected content type…): French for the user,
      // the parser's words in `issues` for whoever debugs.
      const body: ApiError = {
        error: 'bad_request',
        message: 'Requête mal formée : JSON invalide ou type de contenu inattendu.',
        issues: [{ path: '', message: error.message }],
      };
      return reply.code(status === 415 ? 415 : 400).send(body);
    }
    // Anything else is taken as temporary (database unreachable, serialisation failure):
    // the transaction was rolled back, nothing was stored, the client retries.
    request.log.error(error);
    const body: ApiError = {
      error: 'unavailable',
      message: 'Le serveur n’a pas pu traiter la demande ; elle sera réessayée.',
    };
    return reply.code(503).send(body);
  });

  registerAuthentication(app);
  registerHealthRoute(app, db);
  registerAuthRoutes(app, {
    db,
    now,
    tokenTtlMs: options.tokenTtlMs ?? 30 * DAY_MS,
    loginRatePerMinute: options.loginRatePerMinute ?? 10,
  });
  registerSyncRoutes(app, {
    db,
    now,
    ...(options.pushFaults ? { faults: options.pushFaults } : {}),
  });
  const blobs = options.blobs ?? {};
  registerBlobRoutes(app, {
    db,
    now,
    store: db.kind === 'pglite' && blobs.dir ? fileBlobStore(blobs.dir) : databaseBlobStore,
    quotaBytes: blobs.quotaBytes ?? BLOB_DEFAULTS.quotaBytes,
    maxConcurrentUploads: blobs.maxConcurrentUploads ?? BLOB_DEFAULTS.maxConcurrentUploads,
  });
  registerAdminRoutes(app, { db, now });
  await registerUpdateRoutes(app);
  registerVerifyRoute(app, { db });
  registerDeliveryRoutes(app, { db, now, smtpConfigured: false, ...options.delivery });
  return app;
}
