import { z } from 'zod';
import { requiredText, syncedFields } from '../inventory/record';

/** How the client reached the office. 002 art. IV.2.1 asks urgent requests by phone. */
export const REQUEST_CHANNELS = ['phone', 'email', 'on-site', 'other'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/**
 * What the request is for (domain-rules §3): an incident (included, counted against the
 * response time of 004 art. VI), a planned infogérance visit (004 art. VI, counted against
 * the visits per year), or complementary work, which needs a quote the client accepts first
 * (002 art. III and IV.2.2).
 */
export const REQUEST_KINDS = ['incident', 'planned-visit', 'complementary'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/**
 * Which response time of 004 art. VI applies: 4 working hours for servers and network,
 * 8 for workstations and peripherals; `none` when the request is not an incident on
 * covered equipment (software, a planned visit…).
 */
export const SLA_CLASSES = ['server-network', 'workstation', 'none'] as const;
export type SlaClass = (typeof SLA_CLASSES)[number];

/**
 * "Urgent" (002 art. IV.2.1) is a category of request: an intervention needed within one
 * working day remotely or two on site.
 */
export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

const instant = (message: string) => z.number({ error: message }).int(message).nonnegative(message);

/** A request (demande d'intervention) as the office records it, or a technician on site. */
const requestShape = z.object({
  clientId: z.uuid({ error: 'Client invalide.' }),
  siteId: z.uuid({ error: 'Site invalide.' }),
  equipmentIds: z
    .array(z.uuid({ error: 'Équipement invalide.' }))
    .max(200, '200 équipements au maximum.')
    .default([])
    .refine((ids) => new Set(ids).size === ids.length, {
      message: 'Un équipement est cité deux fois.',
    }),
  description: requiredText(4000, 'Décrivez la demande.'),
  channel: z.enum(REQUEST_CHANNELS, { error: 'Canal de la demande inconnu.' }),
  /** When the client called (ms): response times count from it (004 art. VI). */
  calledAt: instant('Heure de l’appel invalide.'),
  kind: z.enum(REQUEST_KINDS, { error: 'Type de demande inconnu.' }),
  urgency: z.enum(URGENCIES, { error: 'Urgence inconnue.' }).default('normal'),
  /** For an urgent request: one working day remotely, two on site (002 art. IV.2.1). */
  urgentMode: z
    .enum(['remote', 'onsite'], { error: 'Mode d’intervention inconnu.' })
    .default('onsite'),
  slaClass: z.enum(SLA_CLASSES, { error: 'Classe de délai inconnue.' }).default('none'),
  /** The accepted quote of complementary work; null until there is one. */
  quoteId: z.uuid({ error: 'Devis invalide.' }).nullable().default(null),
  /** When a technician first arrived on site for it (ms), set from the visit. */
  respondedAt: instant('Heure d’arrivée invalide.').nullable().default(null),
});

const arrivalAfterCall = {
  check: (r: { calledAt: number; respondedAt: number | null }) =>
    r.respondedAt === null || r.respondedAt >= r.calledAt,
  params: { message: 'L’arrivée sur site ne peut pas précéder l’appel.', path: ['respondedAt'] },
};

export const requestFieldsSchema = requestShape.refine(
  arrivalAfterCall.check,
  arrivalAfterCall.params,
);
export type RequestFields = z.input<typeof requestFieldsSchema>;

export const requestSchema = requestShape
  .extend(syncedFields)
  .refine(arrivalAfterCall.check, arrivalAfterCall.params);
export type InterventionRequest = z.infer<typeof requestSchema>;

/** Complementary work starts only on an accepted quote (002 art. IV.2.2); null when fine. */
export function missingQuoteMessage(
  request: Pick<InterventionRequest, 'kind' | 'quoteId'>,
): string | null {
  if (request.kind !== 'complementary' || request.quoteId !== null) return null;
  return 'Prestation complémentaire : un devis accepté par le client est nécessaire avant l’intervention (002 art. IV.2.2).';
}
