import { z } from 'zod';
import {
  INTERRUPTION_REASONS,
  INTERVENTION_MODES,
  INTERVENTION_TYPES,
  URGENCIES,
} from '../report/model';
import { sealedQuoteSchema } from '../billing/quote';
import { timerEventsSchema } from '../time/events';
import { visitTeamSchema } from './team';
import { syncedFields } from '../inventory/record';

/**
 * A visit as the laptop stores it in the `interventions` table, from the first tap on
 * "Démarrer" to the signature. The timer is its event log (`events`), never a counter: the
 * running state is recomputed from the events and the clock. The bordereau is built from
 * this record when the client signs (build-report.ts).
 *
 * Work in progress may be incomplete (a result "à poursuivre" without its next steps): the
 * report's own schema checks completeness at signing time.
 */

const ms = z.number().int().nonnegative();

export const VISIT_STATUSES = ['in-progress', 'to-sign', 'signed'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const visitHeaderSchema = z.object({
  mode: z.enum(INTERVENTION_MODES, 'Mode d’intervention inconnu.'),
  type: z.enum(INTERVENTION_TYPES, 'Type d’intervention inconnu.'),
  urgency: z.enum(URGENCIES, 'Urgence inconnue.'),
  requestReference: z.string().trim().max(100, '100 caractères au plus.').default(''),
  request: z
    .string()
    .trim()
    .min(1, 'Indiquez l’objet de la demande.')
    .max(2000, '2000 caractères au plus.'),
  /** The client or their named representative present (000 art. 14); null when remote. */
  representative: z
    .object({
      name: z.string().trim().min(1, 'Nom du représentant obligatoire.').max(200),
      role: z.string().trim().max(200).default(''),
    })
    .nullable(),
  /** Backups are the client's responsibility (000 art. 14): asked before any work. */
  clientConfirmedBackup: z.boolean(),
  /** A visit within the infogérance subscription (004 art. VI): time recorded, not billed. */
  includedInSubscription: z.boolean().default(false),
  /** When the client called (004 art. VI: the response time counts from the request). */
  requestedAt: ms.nullable().default(null),
});
export type VisitHeader = z.output<typeof visitHeaderSchema>;
export type VisitHeaderInput = z.input<typeof visitHeaderSchema>;

export const visitEquipmentSchema = z.object({
  equipmentId: z.uuid(),
  /** Set when the technician found it on site during this visit (002 art. IV.2.1). */
  discoveredAt: ms.nullable().default(null),
});
export type VisitEquipment = z.output<typeof visitEquipmentSchema>;

export const visitPartSchema = z.object({
  /** Catalogue code, or '' for a part typed by hand. */
  code: z.string().trim().max(40).default(''),
  label: z.string().trim().min(1, 'Libellé de la pièce obligatoire.').max(200),
  reference: z.string().trim().max(100).default(''),
  serialNumber: z.string().trim().max(100).default(''),
  quantity: z
    .number()
    .int('Quantité entière attendue.')
    .positive('Quantité positive attendue.')
    .max(100_000),
  unitPriceCents: z.number().int('Prix en centimes entiers attendu.').nonnegative('Prix négatif.'),
});
export type VisitPart = z.output<typeof visitPartSchema>;

export const visitFlatTaskSchema = z.object({
  code: z.string().trim().min(1),
  label: z.string().trim().min(1).max(200),
  quantity: z.number().int().positive().max(10_000),
  unitPriceCents: z.number().int().nonnegative(),
});
export type VisitFlatTask = z.output<typeof visitFlatTaskSchema>;

export const visitResultSchema = z.object({
  status: z.enum(['resolved', 'to-be-continued', 'interrupted']),
  nextSteps: z.string().trim().max(2000).default(''),
  reason: z.enum(INTERRUPTION_REASONS).nullable().default(null),
  detail: z.string().trim().max(2000).default(''),
});
export type VisitResult = z.output<typeof visitResultSchema>;

/**
 * Complementary work done during the visit, its time recorded apart (per task or
 * equipment): when the visit is included, only this time is billed (002 art. III-1 §6,
 * III.2). The quote it was done under is named by its number.
 */
export const visitComplementarySchema = z.object({
  label: z
    .string()
    .trim()
    .min(1, 'Décrivez la prestation complémentaire.')
    .max(200, '200 caractères au plus.'),
  /** The equipment it concerns (off the annex, typically); null: a task. */
  equipmentId: z.uuid().nullable().default(null),
  workedMinutes: z
    .number({ error: 'Durée en minutes attendue.' })
    .int('Durée en minutes entières attendue.')
    .positive('Durée en minutes attendue.')
    .max(144_000),
  /** The signed quote (in the visit's `quotes`) it was done under; '' for none. */
  quoteNumber: z.string().trim().max(40, '40 caractères au plus.').default(''),
});
export type VisitComplementary = z.output<typeof visitComplementarySchema>;

export const visitWorkSchema = z.object({
  description: z.string().max(20_000).default(''),
  checklist: z
    .array(z.object({ label: z.string().trim().min(1).max(300), done: z.boolean() }))
    .default([]),
  equipment: z.array(visitEquipmentSchema).default([]),
  parts: z.array(visitPartSchema).default([]),
  flatTasks: z.array(visitFlatTaskSchema).default([]),
  complementary: z.array(visitComplementarySchema).max(50).default([]),
  travelKm: z.number().int('Kilomètres entiers attendus.').nonnegative().max(100_000).default(0),
  meals: z.number().int().nonnegative().max(1_000).default(0),
  lodgingNights: z.number().int().nonnegative().max(1_000).default(0),
  result: visitResultSchema.prefault({ status: 'resolved' }),
  recommendations: z.string().max(10_000).default(''),
  clientRemarks: z.string().max(5_000).default(''),
});
export type VisitWork = z.output<typeof visitWorkSchema>;
export type VisitWorkInput = z.input<typeof visitWorkSchema>;

export const visitPhotoSchema = z.object({
  /** SHA-256 of the JPEG: the attachment's id. */
  attachmentId: z.string().regex(/^[0-9a-f]{64}$/),
  caption: z.string().trim().min(1, 'Légende obligatoire.').max(300),
  takenAt: ms,
});
export type VisitPhoto = z.output<typeof visitPhotoSchema>;

export const visitRecordSchema = z.object({
  ...syncedFields,
  clientId: z.uuid(),
  siteId: z.uuid({ error: 'Choisissez le site.' }),
  contractId: z.string().min(1, 'Choisissez le contrat.'),
  status: z.enum(VISIT_STATUSES),
  /** Raw time of the first tap on "Démarrer" (list index); null before it. */
  startedAt: ms.nullable(),
  createdAt: ms,
  header: visitHeaderSchema,
  events: timerEventsSchema,
  work: visitWorkSchema.prefault({}),
  photos: z.array(visitPhotoSchema).max(50, '50 photos au plus par bordereau.').default([]),
  /** Quotes for complementary work, signed by the client and sealed (shared/billing/quote.ts). */
  // Each carries a signature image: a few per visit keep the record under the sync limit.
  quotes: z.array(sealedQuoteSchema).max(4, '4 devis au plus par visite.').default([]),
  /** Other technicians on the visit, each with their own timer (shared/visit/team.ts). */
  team: visitTeamSchema.optional(),
  /** The bordereau (current version) once one has been numbered. */
  reportId: z.string().nullable().default(null),
  /** Its number, indexed for the list. */
  number: z.string().nullable().default(null),
  /** The planned job it was started from (shared/planning/job.ts); null for a walk-in visit. */
  jobId: z.uuid({ error: 'Intervention planifiée invalide.' }).nullable().default(null),
});
export type VisitRecord = z.output<typeof visitRecordSchema>;
