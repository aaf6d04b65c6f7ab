import { z } from 'zod';

/**
 * The e-mailed client's copies as the office sees them (server/delivery, GET and POST
 * /api/v1/reports/:reportId/deliveries): one entry per sending, the automatic one made when
 * the signed report reached the server and any resend asked by the office.
 */
export const DELIVERY_STATUSES = [
  'pending',
  'sending',
  'retrying',
  'sent',
  'failed',
  'bounced',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The state of one e-mailing in the outbox, common to the client's copies and activity reports. */
export const deliveryAttemptSchema = z.object({
  id: z.uuid(),
  recipients: z.array(z.string()),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  createdAt: z.number().int(),
  nextAttemptAt: z.number().int(),
  sentAt: z.number().int().nullable(),
});
export type DeliveryAttempt = z.infer<typeof deliveryAttemptSchema>;

export const deliveryViewSchema = deliveryAttemptSchema.extend({
  reportId: z.uuid(),
  reportNumber: z.string(),
  reportVersion: z.number().int().positive(),
  reason: z.enum(['signed', 'resend']),
});
export type DeliveryView = z.infer<typeof deliveryViewSchema>;

export const deliveriesResponseSchema = z.object({
  /** False when the server has no BORDEREAU_SMTP_URL: nothing is sent ("non envoyé"). */
  smtpConfigured: z.boolean(),
  deliveries: z.array(deliveryViewSchema),
});
export type DeliveriesResponse = z.infer<typeof deliveriesResponseSchema>;

/** The office's "renvoyer": to the report's own recipients, or to the addresses given. */
export const resendRequestSchema = z.object({
  emails: z
    .array(z.email('Adresse e-mail invalide.').max(254))
    .min(1, 'Au moins une adresse.')
    .max(10, '10 adresses au plus.')
    .optional(),
});
export type ResendRequest = z.infer<typeof resendRequestSchema>;

/** How the office list names each state (French). */
export function deliveryStatusLabel(
  delivery: Pick<DeliveryView, 'status' | 'lastError' | 'attempts'>,
  smtpConfigured: boolean,
): string {
  if (!smtpConfigured && delivery.status !== 'sent') {
    return 'Non envoyé : aucun serveur de messagerie configuré';
  }
  switch (delivery.status) {
    case 'pending':
    case 'sending':
      return 'Envoi en cours';
    case 'retrying':
      return `Échec, nouvel essai prévu (${delivery.lastError ?? 'erreur inconnue'})`;
    case 'sent':
      return 'Envoyé';
    case 'failed':
      return `Échec définitif après ${delivery.attempts} essais (${delivery.lastError ?? 'erreur inconnue'})`;
    case 'bounced':
      return `Refusé par la messagerie (${delivery.lastError ?? 'adresse rejetée'})`;
  }
}

/** The office's request to e-mail a client's activity report for a month. */
export const activityDeliveryRequestSchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mois invalide (attendu : AAAA-MM).'),
  /** Absent: the contacts the client's contract names for its copies. */
  emails: z
    .array(z.email('Adresse e-mail invalide.').max(254))
    .min(1, 'Au moins une adresse.')
    .max(20, 'Vingt adresses au plus.')
    .optional(),
});
export type ActivityDeliveryRequest = z.infer<typeof activityDeliveryRequestSchema>;

/** One e-mailing of an activity report, as the office sees it. */
export const activityDeliveryViewSchema = deliveryAttemptSchema.extend({
  clientId: z.uuid(),
  month: z.string(),
});
export type ActivityDeliveryView = z.infer<typeof activityDeliveryViewSchema>;
