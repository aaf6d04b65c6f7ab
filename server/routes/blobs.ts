import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import pLimit from 'p-limit';
import type { BlobPutResponse } from '../../shared/sync/protocol';
import { sha256HexSchema, SYNC_LIMITS } from '../../shared/sync/protocol';
import { blobReadable } from '../blobs/blob-access';
import { checkBlobQuota } from '../blobs/blob-quota';
import type { BlobStore } from '../blobs/blob-store';
import { BodyTooLargeError } from '../blobs/receive-bytes';
import type { Database } from '../db/database';
import { ApiHttpError, badRequest, parseOr400 } from '../http/api-error';
import { accountOf, requireAccount } from '../http/authenticate';

export type BlobRouteOptions = {
  db: Database;
  now: () => number;
  store: BlobStore;
  /** Bytes of blobs one account may upload (BORDEREAU_BLOB_QUOTA_MB). */
  quotaBytes: number;
  /** Uploads received at once; the others wait their turn (BORDEREAU_MAX_CONCURRENT_UPLOADS). */
  maxConcurrentUploads: number;
};

const ROLES = ['technician', 'office'] as const;

function notFound(): ApiHttpError {
  return new ApiHttpError(404, {
    error: 'not_found',
    message: 'Pièce jointe introuvable sur le serveur.',
  });
}

function tooLarge(): ApiHttpError {
  return new ApiHttpError(413, {
    error: 'payload_too_large',
    message: 'Requête trop volumineuse pour le serveur.',
  });
}

function isReadable(body: unknown): body is Readable {
  return typeof body === 'object' && body !== null && 'pipe' in body;
}

/**
 * Attachments (signatures, photos, PDFs) addressed by SHA-256: streamed to the blob store,
 * the hash checked against the bytes received before anything is kept, a bounded number at
 * once, within the uploader's quota. Reading follows declared references (blob-access.ts).
 */
export function registerBlobRoutes(
  app: FastifyInstance,
  { db, now, store, quotaBytes, maxConcurrentUploads }: BlobRouteOptions,
): void {
  const authenticated = requireAccount(db, ROLES, now);
  const uploads = pLimit(maxConcurrentUploads);

  app.put<{ Params: { sha256: string } }>(
    '/api/v1/blobs/:sha256',
    { bodyLimit: SYNC_LIMITS.maxBlobBytes, onRequest: authenticated },
    async (request, reply): Promise<BlobPutResponse> => {
      const account = accountOf(request);
      const sha256 = parseOr400(sha256HexSchema, request.params.sha256, 'Empreinte');
      if (!isReadable(request.body))
        throw badRequest('Le contenu doit être envoyé en application/octet-stream.');
      const source = request.body;
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > SYNC_LIMITS.maxBlobBytes) throw tooLarge();
      // Before reading anything when the length is announced; again once it is known.
      await checkBlobQuota(db, account.id, declared, quotaBytes);
      const outcome = await uploads(() =>
        store.put(db, {
          sha256,
          source,
          maxBytes: SYNC_LIMITS.maxBlobBytes,
          accountId: account.id,
          now: now(),
          beforeStore: (size) => checkBlobQuota(db, account.id, size, quotaBytes),
        }),
      ).catch((error: unknown) => {
        throw error instanceof BodyTooLargeError ? tooLarge() : error;
      });
      if (outcome.kind === 'mismatch') {
        throw badRequest(
          'Le contenu reçu ne correspond pas à son empreinte SHA-256 : transfert corrompu, renvoyez-le.',
        );
      }
      // The same answer whether the server had the bytes or not: an upload reveals nothing.
      reply.code(201);
      return { sha256, size: outcome.size, created: true };
    },
  );

  app.get<{ Params: { sha256: string } }>(
    '/api/v1/blobs/:sha256',
    { exposeHeadRoute: false, onRequest: authenticated },
    async (request, reply) => {
      const sha256 = parseOr400(sha256HexSchema, request.params.sha256, 'Empreinte');
      // Unreadable and absent answer alike, so a hash cannot be probed.
      const readable = await blobReadable(db, sha256, accountOf(request));
      const body = readable ? await store.get(db, sha256) : null;
      if (!body) throw notFound();
      return reply
        .header('content-type', 'application/octet-stream')
        .header('cache-control', 'private, max-age=31536000, immutable')
        .send(body);
    },
  );

  app.head<{ Params: { sha256: string } }>(
    '/api/v1/blobs/:sha256',
    { onRequest: authenticated },
    async (request, reply) => {
      const sha256 = parseOr400(sha256HexSchema, request.params.sha256, 'Empreinte');
      const readable = await blobReadable(db, sha256, accountOf(request));
      const size = readable ? await store.size(db, sha256) : null;
      if (size === null) throw notFound();
      return reply.header('content-length', size).code(200).send();
    },
  );
}
