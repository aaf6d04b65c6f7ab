import type { FastifyInstance } from 'fastify';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';
import { pullQuerySchema, pushRequestSchema, SYNC_LIMITS } from '../../shared/sync/protocol';
import type { Database } from '../db/database';
import { ApiHttpError, parseOr400 } from '../http/api-error';
import { accountOf, requireAccount } from '../http/authenticate';
import { pullChanges } from '../sync/pull';
import type { PushFaults } from '../sync/push';
import { pushMutations } from '../sync/push';

export type SyncRouteOptions = { db: Database; now: () => number; faults?: PushFaults };

export function registerSyncRoutes(
  app: FastifyInstance,
  { db, now, faults }: SyncRouteOptions,
): void {
  const authenticated = requireAccount(db, ['technician', 'office'], now);

  app.post(
    '/api/v1/sync/push',
    { bodyLimit: SYNC_LIMITS.maxPushBytes, onRequest: authenticated },
    async (request): Promise<PushResponse> => {
      const at = now();
      const account = accountOf(request);
      const body = parseOr400(pushRequestSchema, request.body, 'Lot de modifications');
      // A clock far ahead would order this device's edits after everyone's: refuse the whole batch,
      // nothing stored, until the clock is fixed (the outbox keeps everything meanwhile).
      const limit = at + SYNC_LIMITS.maxClockAheadMs;
      if (body.sentAt > limit || body.mutations.some((m) => m.at > limit)) {
        throw new ApiHttpError(400, {
          error: 'clock_drift',
          message:
            'L’horloge de cet ordinateur est en avance sur celle du serveur : corrigez la date et l’heure, puis resynchronisez.',
        });
      }
      return pushMutations(db, account, body, at, faults);
    },
  );

  app.get(
    '/api/v1/sync/pull',
    { onRequest: authenticated },
    async (request): Promise<PullResponse> => {
      const account = accountOf(request);
      const query = parseOr400(pullQuerySchema, request.query, 'Demande de synchronisation');
      return pullChanges(db, account, query);
    },
  );
}
