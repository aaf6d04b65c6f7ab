import type { FastifyInstance } from 'fastify';
import type { BlobPutResponse } from '../../shared/sync/protocol';
import { sha256HexSchema, SYNC_LIMITS } from '../../shared/sync/protocol';
import { blobSize, getBlob, putBlob, sha256Hex } from '../blobs/blob-store';
import type { Database } from '../db/database';
import { ApiHttpError, badRequest, parseOr400 } from '../http/api-error';
import { accountOf, requireAccount } from '../http/authenticate';

export type BlobRouteOptions = { db: Database; now: () => number };

const ROLES = ['technician', 'office'] as const;

function notFound(): ApiHttpError {
  return new ApiHttpError(404, {
    error: 'not_found',
    message: 'Pièce jointe introuvable sur le serveur.',
  });
}

/**
 * Attachments (signatures, photos, PDFs) addressed by SHA-256: uploaded idempotently, the
 * hash checked against the bytes received before anything is stored.
 */
export function registerBlobRoutes(app: FastifyInstance, { db, now }: BlobRouteOptions): void {
  const authenticated = requireAccount(db, ROLES, now);

  app.put<{ Params: { sha256: string } }>(
    '/api/v1/blobs/:sha256',
    { bodyLimit: SYNC_LIMITS.maxBlobBytes, onRequest: authenticated },
    async (request, reply): Promise<BlobPutResponse> => {
      const account = accountOf(request);
      const sha256 = parseOr400(sha256HexSchema, request.params.sha256, 'Empreinte');
      if (!Buffer.isBuffer(request.body))
        throw badRequest('Le contenu doit être envoyé en application/octet-stream.');
      const bytes = request.body;
      if (sha256Hex(bytes) !== sha256) {
        throw badRequest(
          'Le contenu reçu ne correspond pas à son empreinte SHA-256 : transfert corrompu, renvoyez-le.',
        );
      }
      const created = await putBlob(db, sha256, bytes, account.id, now());
      reply.code(created ? 201 : 200);
      return { sha256, size: bytes.byteLength, created };
    },
  );

  app.get<{ Params: { sha256: string } }>(
    '/api/v1/blobs/:sha256',
    { exposeHeadRoute: false, onRequest: authenticated },
    async (request, reply) => {
      const sha256 = parseOr400(sha256HexSchema, request.params.sha256, 'Empreinte');
      // Unreadable and absent answer alike, so a hash cannot be probed.
      const bytes = await getBlob(db, sha256, accountOf(request));
      if (!bytes) throw notFound();
      return reply
        .header('content-type', 'application/octet-stream')
        .header('cache-control', 'private, max-age=31536000, immutable')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );

  app.head<{ Params: { sha256: string } }>(
    '/api/v1/blobs/:sha256',
    { onRequest: authenticated },
    async (request, reply) => {
      const sha256 = parseOr400(sha256HexSchema, request.params.sha256, 'Empreinte');
      const size = await blobSize(db, sha256, accountOf(request));
      if (size === null) throw notFound();
      return reply.header('content-length', size).code(200).send();
    },
  );
}
