import type { z } from 'zod';
import {
  activityDeliveryViewSchema,
  deliveriesResponseSchema,
  deliveryViewSchema,
} from '../../../shared/report/delivery';
import type {
  ActivityDeliveryRequest,
  ActivityDeliveryView,
  DeliveriesResponse,
  DeliveryView,
  ResendRequest,
} from '../../../shared/report/delivery';
import {
  PROTOCOL_VERSION,
  PROTOCOL_VERSION_HEADER,
  SCHEMA_VERSION,
  SCHEMA_VERSION_HEADER,
} from '../../../shared/sync/protocol';
import type { BordereauDb } from '../../db/database';
import { loadSession } from '../../sync/session';
import { fetchTransport } from '../../sync/transport';

/** The office server's e-mail deliveries of a report (server/routes/deliveries.ts). */
async function call<S extends z.ZodType>(
  db: BordereauDb,
  method: 'GET' | 'POST',
  path: string,
  schema: S,
  body?: unknown,
): Promise<z.output<S>> {
  const session = await loadSession(db);
  if (!session) throw new Error('Connectez-vous au serveur du bureau (Synchronisation).');
  let response: Response;
  try {
    response = await fetchTransport(`${session.serverUrl}${path}`, {
      method,
      headers: {
        [PROTOCOL_VERSION_HEADER]: String(PROTOCOL_VERSION),
        [SCHEMA_VERSION_HEADER]: String(SCHEMA_VERSION),
        authorization: `Bearer ${session.token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new Error('Serveur du bureau injoignable : réessayez une fois connecté.');
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (json as { message?: unknown } | null)?.message;
    throw new Error(
      typeof message === 'string' ? message : `Erreur du serveur (${response.status}).`,
    );
  }
  return schema.parse(json);
}

export function fetchDeliveries(db: BordereauDb, reportId: string): Promise<DeliveriesResponse> {
  return call(db, 'GET', `/api/v1/reports/${reportId}/deliveries`, deliveriesResponseSchema);
}

export function resendReport(
  db: BordereauDb,
  reportId: string,
  request: ResendRequest = {},
): Promise<DeliveryView> {
  return call(db, 'POST', `/api/v1/reports/${reportId}/deliveries`, deliveryViewSchema, request);
}

/**
 * Asks the office server to e-mail a client's activity report for a month (its outbox sends
 * it, retried like the client's copies): to the contacts the contract names, or to `emails`.
 */
export function emailActivityReport(
  db: BordereauDb,
  clientId: string,
  request: ActivityDeliveryRequest,
): Promise<ActivityDeliveryView> {
  return call(
    db,
    'POST',
    `/api/v1/clients/${clientId}/activity-reports`,
    activityDeliveryViewSchema,
    request,
  );
}
