import {
  PROTOCOL_VERSION,
  PROTOCOL_VERSION_HEADER,
  SCHEMA_VERSION,
  SCHEMA_VERSION_HEADER,
} from '../../shared/sync/protocol';
import type { FastifyRequest } from 'fastify';
import { ApiHttpError, badRequest } from './api-error';

function headerVersion(value: string | string[] | undefined): number | null {
  if (typeof value !== 'string' || !/^\d{1,6}$/.test(value)) return null;
  return Number(value);
}

/**
 * Every API request states the protocol and schema versions it speaks. An older (or silent)
 * client gets 426 and is told to update; a newer one means this server needs updating.
 */
export function checkProtocolVersions(
  headers: Record<string, string | string[] | undefined>,
): void {
  const protocol = headerVersion(headers[PROTOCOL_VERSION_HEADER]);
  const schema = headerVersion(headers[SCHEMA_VERSION_HEADER]);
  if (
    protocol === null ||
    schema === null ||
    protocol < PROTOCOL_VERSION ||
    schema < SCHEMA_VERSION
  ) {
    throw new ApiHttpError(426, {
      error: 'upgrade_required',
      message:
        'Cette version de Bordereau est trop ancienne pour le serveur du bureau : mettez l’application à jour.',
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
    });
  }
  if (protocol > PROTOCOL_VERSION || schema > SCHEMA_VERSION) {
    throw badRequest(
      'Le serveur du bureau est plus ancien que l’application : demandez sa mise à jour.',
    );
  }
}

/**
 * Whether a request must state its versions: every API route, decided on the route the request
 * matched, not on the raw URL, which may spell the same path percent-encoded (`/%61pi/v1/…` is
 * routed to `/api/v1/…`). Preflights carry no version header (the CORS plugin answers them);
 * an unknown address gets its 404 either way.
 */
export function needsProtocolVersions(request: FastifyRequest): boolean {
  if (request.method === 'OPTIONS') return false;
  return request.routeOptions.url?.startsWith('/api/') ?? false;
}
