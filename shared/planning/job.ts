import { z } from 'zod';
import { localDateSchema } from '../calendar/local-date';
import { timeRangeSchema } from '../calendar/weekly-schedule';
import { requiredText, syncedFields, text } from '../inventory/record';
import { JOB_STATUSES } from './job-status';

/**
 * The needs log (journal des besoins) of a planned visit: what the client wants done, which
 * the client's IT correspondent validates at least 2 working days before (004 art. VI).
 */
export const needsLogSchema = z
  .object({
    items: z
      .array(requiredText(500, 'Un besoin ne peut pas être vide.'))
      .max(100, '100 besoins au maximum.')
      .default([]),
    /** When the IT correspondent validated it (ms); null: not yet. */
    validatedAt: z
      .number({ error: 'Date de validation invalide.' })
      .int('Date de validation invalide.')
      .nonnegative('Date de validation invalide.')
      .nullable()
      .default(null),
    /** The correspondent's name, as they gave it. */
    validatedBy: text(200).default(''),
  })
  .refine((log) => (log.validatedAt === null) === (log.validatedBy === ''), {
    message: 'Indiquez qui a validé le journal des besoins, et quand.',
    path: ['validatedBy'],
  });
export type NeedsLog = z.infer<typeof needsLogSchema>;

/** The visit a technician started from the job: whose it is and where it stands. */
export const jobVisitSchema = z.object({
  visitId: z.uuid({ error: 'Visite invalide.' }),
  technicianId: z.uuid({ error: 'Technicien invalide.' }),
  status: z.enum(JOB_STATUSES, { error: 'Statut inconnu.' }),
});
export type JobVisit = z.infer<typeof jobVisitSchema>;

const jobShape = z.object({
  /** The client company, as on its request: decides who may see the job (sync scope). */
  clientId: z.uuid({ error: 'Client invalide.' }),
  requestId: z.uuid({ error: 'Demande invalide.' }),
  technicianIds: z
    .array(z.uuid({ error: 'Technicien invalide.' }))
    .min(1, 'Affectez au moins un technicien.')
    .max(10, '10 techniciens au maximum.')
    .refine((ids) => new Set(ids).size === ids.length, {
      message: 'Un technicien est affecté deux fois.',
    }),
  /** The day of the visit and its slot, wall-clock time on site (Europe/Paris). */
  date: localDateSchema,
  slot: timeRangeSchema,
  status: z.enum(JOB_STATUSES, { error: 'Statut inconnu.' }).default('planned'),
  /**
   * How many times the office planned the job again after an « à poursuivre »: a newer round
   * wins a merge over an older one, so a stale copy cannot undo the replanning.
   */
  round: z.number().int().min(0).max(1_000).default(0),
  /** Visits started from this job, by whichever technician (kept across reassignments). */
  visits: z.array(jobVisitSchema).max(50).default([]),
  /** Only planned infogérance visits carry one (004 art. VI). */
  needsLog: needsLogSchema.nullable().default(null),
});

export const jobFieldsSchema = jobShape;
export type JobFields = z.input<typeof jobFieldsSchema>;

/** A planned job (intervention planifiée): a request given to technicians on a day and slot. */
export const jobSchema = jobShape.extend(syncedFields);
export type PlannedJob = z.infer<typeof jobSchema>;
