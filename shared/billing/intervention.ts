import { z } from 'zod';
import { BILLING_MODES } from './ladder';
import { centsSchema, postcodeSchema } from './contract';

const msSchema = z.number().int().nonnegative();

/** Longest intervention the engine accepts: 100 days of work (keeps every product exact). */
export const MAX_WORKED_MINUTES = 144_000;

export const partUsedSchema = z.object({
  label: z.string().trim().min(1, 'Libellé de la pièce obligatoire.'),
  quantity: z.number().int().positive('Quantité entière positive attendue.').max(100_000),
  unitPriceCents: centsSchema,
});
export type PartUsed = z.infer<typeof partUsedSchema>;

export const flatTaskDoneSchema = z.object({
  code: z.string().trim().min(1),
  quantity: z.number().int().positive().max(10_000),
});

/**
 * The facts of one intervention the price depends on. Parse with this schema at the edge
 * (form, API, database) and hand the result to `priceIntervention`.
 */
export const interventionFactsSchema = z.object({
  mode: z.enum(BILLING_MODES),
  /** From `visitTimeline(...).workedMinutes`. */
  workedMinutes: z.number().int().nonnegative().max(MAX_WORKED_MINUTES),
  /** Start of the intervention, ms: decides the VAT rate and the bank's period. */
  startedAt: msSchema,
  /** Work segments (from `visitTimeline`), for the opening-hours check on site. */
  segments: z
    .array(
      z
        .object({ start: msSchema, end: msSchema })
        .refine((s) => s.end >= s.start, { message: 'Une période se termine avant de commencer.' }),
    )
    .default([]),
  /** The site's postcode; null for a remote intervention or when unknown. */
  sitePostcode: postcodeSchema.nullable().default(null),
  /** Kilometres driven, billed when travel is per km and the site is outside the zone. */
  travelKm: z.number().int().nonnegative().max(100_000).default(0),
  meals: z.number().int().nonnegative().max(1_000).default(0),
  lodgingNights: z.number().int().nonnegative().max(1_000).default(0),
  parts: z.array(partUsedSchema).default([]),
  flatTasks: z.array(flatTaskDoneSchema).default([]),
  /** A visit within the infogérance subscription (004 art. VI): time recorded, priced 0. */
  includedInSubscription: z.boolean().default(false),
  /** False when the equipment worked on is not on the contract's annex (002 art. III). */
  equipmentCovered: z.boolean().default(true),
  /**
   * Balance of the contract's hour bank before this intervention (from
   * `hourBankBalanceBefore`); null when the contract has no bank.
   */
  hourBankBalanceMinutes: z.number().int().nonnegative().nullable().default(null),
});
export type InterventionFacts = z.output<typeof interventionFactsSchema>;
export type InterventionFactsInput = z.input<typeof interventionFactsSchema>;
