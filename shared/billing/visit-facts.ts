import { z } from 'zod';
import { weeklyScheduleSchema } from '../calendar/weekly-schedule';
import { BILLING_MODES } from './ladder';
import { centsSchema, postcodeSchema } from './contract';
import { VISIT_PURPOSES } from './inclusion';

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
 * The quote (devis) a complementary work was done under: "Chaque prestation complémentaire
 * fait l'objet d'un accord préalable sous la forme d'un devis" (002 art. III, IV.2.2).
 */
export const quoteRefSchema = z.object({
  number: z.string().trim().min(1, 'Numéro de devis obligatoire.').max(40),
  /** Signed by the client before the work. */
  accepted: z.boolean(),
  /** The quote's flat price HT; null: priced by the ladder (our default, domain-rules §3). */
  flatPriceCents: centsSchema.nullable().default(null),
});
export type QuoteRef = z.output<typeof quoteRefSchema>;

/**
 * Complementary work done during a visit, its time recorded apart from the included work
 * (per task or equipment): only this time goes through the ladder when the visit itself is
 * included (domain-rules §3).
 */
export const complementaryWorkSchema = z.object({
  label: z.string().trim().min(1, 'Décrivez la prestation complémentaire.').max(200),
  workedMinutes: z
    .number()
    .int()
    .positive('Durée en minutes entières attendue.')
    .max(MAX_WORKED_MINUTES),
  quote: quoteRefSchema.nullable().default(null),
});
export type ComplementaryWork = z.output<typeof complementaryWorkSchema>;

/**
 * The facts of one intervention the price depends on. Parse with this schema at the edge
 * (form, API, database) and hand the result to `priceVisitFacts`.
 */
export const visitFactsSchema = z
  .object({
    mode: z.enum(BILLING_MODES),
    /** From `visitTimeline(...).workedMinutes`. */
    workedMinutes: z.number().int().nonnegative().max(MAX_WORKED_MINUTES),
    /** Start of the intervention, ms: decides the VAT rate and the bank's period. */
    startedAt: msSchema,
    /** Work segments (from `visitTimeline`), for the opening-hours check on site. */
    segments: z
      .array(
        z.object({ start: msSchema, end: msSchema }).refine((s) => s.end >= s.start, {
          message: 'Une période se termine avant de commencer.',
        }),
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
    /** Recorded as a visit under the subscription; `isIncluded` decides whether it is. */
    includedInSubscription: z.boolean().default(false),
    /** Incident, planned visit or other work (see inclusion.ts). */
    purpose: z.enum(VISIT_PURPOSES).default('incident'),
    /** Planned visits of the contract earlier in the calendar year (the quota, 004 art. V). */
    plannedVisitsEarlierThisYear: z.number().int().nonnegative().max(100_000).default(0),
    /**
     * False when an equipment of the main work is not on the contract's annex (002 art. III);
     * equipment whose time is recorded apart in `complementary` does not count.
     */
    equipmentCovered: z.boolean().default(true),
    /** Complementary work, its time recorded apart; part of `workedMinutes`. */
    complementary: z.array(complementaryWorkSchema).max(50).default([]),
    /** The site's opening hours; null: the contract's (the fallback). */
    openingHours: weeklyScheduleSchema.nullable().default(null),
    /**
     * Balance of the contract's hour bank before this intervention (from
     * `hourBankBalanceBefore`); null when the contract has no bank.
     */
    hourBankBalanceMinutes: z.number().int().nonnegative().nullable().default(null),
  })
  .superRefine((facts, ctx) => {
    const apart = facts.complementary.reduce((sum, c) => sum + c.workedMinutes, 0);
    if (apart > facts.workedMinutes) {
      ctx.addIssue({
        code: 'custom',
        path: ['complementary'],
        message: `Le temps des prestations complémentaires (${apart} min) dépasse le temps travaillé (${facts.workedMinutes} min).`,
      });
    }
  });
export type VisitFacts = z.output<typeof visitFactsSchema>;
export type VisitFactsInput = z.input<typeof visitFactsSchema>;
