import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { activityDeliveryRequestSchema, resendRequestSchema } from '../../shared/report/delivery';
import type {
  ActivityDeliveryView,
  DeliveriesResponse,
  DeliveryView,
} from '../../shared/report/delivery';
import { activityDeliveryView, enqueueActivityReport } from '../delivery/activity';
import type { ActivityDeliveryRow } from '../delivery/activity';
import { contractRecipientsOf } from '../delivery/recipients';
import type { Database } from '../db/database';
import { deliveryView, enqueueResend } from '../delivery/outbox';
import type { DeliveryRow } from '../delivery/outbox';
import { ApiHttpError, parseOr400 } from '../http/api-error';
import { accountOf, requireAccount } from '../http/authenticate';

const paramsSchema = z.object({ reportId: z.uuid('Identifiant de bordereau invalide.') });

const clientParamsSchema = z.object({ clientId: z.uuid('Identifiant de client invalide.') });

const OFFICE = ['office'] as const;

/**
 * The office's view of the e-mailed client's copies (server/delivery): each sending's status
 * (sent, failed and why, bounced, "non envoyé" without SMTP) and "renvoyer".
 */
export function registerDeliveryRoutes(
  app: FastifyInstance,
  deps: { db: Database; now: () => number; smtpConfigured: boolean; onEnqueued?: () => void },
): void {
  const office = { onRequest: requireAccount(deps.db, OFFICE, deps.now) };

  app.get(
    '/api/v1/reports/:reportId/deliveries',
    office,
    async (request): Promise<DeliveriesResponse> => {
      const { reportId } = parseOr400(paramsSchema, request.params, 'Bordereau');
      const { rows } = await deps.db.query<DeliveryRow>(
        "SELECT * FROM report_deliveries WHERE report_id = $1 ORDER BY reason = 'resend', created_at, id",
        [reportId],
      );
      return { smtpConfigured: deps.smtpConfigured, deliveries: rows.map(deliveryView) };
    },
  );

  app.post(
    '/api/v1/reports/:reportId/deliveries',
    office,
    async (request, reply): Promise<DeliveryView> => {
      const { reportId } = parseOr400(paramsSchema, request.params, 'Bordereau');
      const body = parseOr400(resendRequestSchema, request.body ?? {}, 'Renvoi');
      let recipients = body.emails;
      if (!recipients) {
        const { rows } = await deps.db.query<{ emails: string[] | null }>(
          "SELECT data->'content'->'clientCopy'->'emails' AS emails FROM records WHERE entity = 'reports' AND id = $1 AND sealed",
          [reportId],
        );
        recipients = rows[0]?.emails ?? [];
        if (rows.length > 0 && recipients.length === 0) {
          throw new ApiHttpError(400, {
            error: 'bad_request',
            message: 'Ce bordereau ne désigne aucun destinataire : indiquez les adresses.',
          });
        }
      }
      const row = await enqueueResend(deps.db, {
        reportId,
        recipients,
        requestedBy: accountOf(request).id,
        now: deps.now(),
      });
      if (!row) {
        throw new ApiHttpError(404, {
          error: 'not_found',
          message: 'Bordereau signé introuvable sur le serveur.',
        });
      }
      deps.onEnqueued?.();
      reply.code(201);
      return deliveryView(row);
    },
  );

  app.get(
    '/api/v1/clients/:clientId/activity-reports',
    office,
    async (request): Promise<{ smtpConfigured: boolean; deliveries: ActivityDeliveryView[] }> => {
      const { clientId } = parseOr400(clientParamsSchema, request.params, 'Client');
      const { rows } = await deps.db.query<ActivityDeliveryRow>(
        'SELECT * FROM activity_deliveries WHERE client_id = $1 ORDER BY created_at, id',
        [clientId],
      );
      return { smtpConfigured: deps.smtpConfigured, deliveries: rows.map(activityDeliveryView) };
    },
  );

  // "Envoyer par e-mail" of the activity report: to the addresses given, or to the contacts
  // the client's contract names for its copies.
  app.post(
    '/api/v1/clients/:clientId/activity-reports',
    office,
    async (request, reply): Promise<ActivityDeliveryView> => {
      const { clientId } = parseOr400(clientParamsSchema, request.params, 'Client');
      const body = parseOr400(
        activityDeliveryRequestSchema,
        request.body ?? {},
        'Rapport d’activité',
      );
      const recipients = body.emails ?? (await contractRecipientsOf(deps.db, clientId, null));
      if (recipients.length === 0) {
        throw new ApiHttpError(400, {
          error: 'bad_request',
          message:
            'Le contrat du client ne désigne aucun destinataire des exemplaires : indiquez les adresses.',
        });
      }
      const row = await enqueueActivityReport(deps.db, {
        clientId,
        month: body.month,
        recipients,
        requestedBy: accountOf(request).id,
        now: deps.now(),
      });
      deps.onEnqueued?.();
      reply.code(201);
      return activityDeliveryView(row);
    },
  );
}
