import { z } from 'zod';
import { localDateSchema } from '../calendar/local-date';
import { DEFAULT_OPENING_HOURS, weeklyScheduleSchema } from '../calendar/weekly-schedule';
import { SLA_SERVER_NETWORK_MINUTES, SLA_WORKSTATION_MINUTES } from '../calendar/sla';
import { decimalStringSchema } from './decimal';
import { MAX_TOLERANCE_MINUTES } from './ladder';
import { MAX_AMOUNT_CENTS } from './money';

/** An amount in integer cents, HT unless the field says otherwise. */
export const centsSchema = z
  .number()
  .int('Montant en centimes entiers attendu.')
  .nonnegative('Le montant ne peut pas être négatif.')
  .max(MAX_AMOUNT_CENTS, 'Montant trop élevé.');

/** A French département code: "75", "2A", "2B", "971"… */
export const departementSchema = z
  .string()
  .regex(
    /^(?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-46])$/,
    'Code de département invalide (ex. « 75 », « 2A », « 971 »).',
  );

/** A French postcode, five digits. */
export const postcodeSchema = z.string().regex(/^\d{5}$/, 'Code postal à 5 chiffres attendu.');

/**
 * How travel to the site is billed outside the contract's zone (002 art. IV.2.2; 000 art. 6
 * "Les frais de déplacement font l'objet d'une facturation spécifique"). `included`: never
 * billed (004 art. XI: "Ils incluent les déplacements sur site").
 */
export const travelFeeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('included') }),
  z.object({ kind: z.literal('flat'), amountCents: centsSchema }),
  z.object({ kind: z.literal('per-km'), centsPerKm: centsSchema }),
]);
export type TravelFee = z.infer<typeof travelFeeSchema>;

export const travelSchema = z.object({
  /** Where travel is included: whole départements and/or single postcodes. */
  zone: z
    .object({
      departements: z.array(departementSchema).default([]),
      postcodes: z.array(postcodeSchema).default([]),
    })
    .prefault({}),
  fee: travelFeeSchema.default({ kind: 'included' }),
  /** Price of one meal; null: meals are not billed. */
  mealCents: centsSchema.nullable().default(null),
  /** Price of one night; null: lodging is not billed. */
  lodgingNightCents: centsSchema.nullable().default(null),
  /**
   * Meals and lodging billed only when the site is outside the zone (002 art. IV.2.2:
   * "Pour tout autre département … de même que les frais de restauration … et d'hébergement").
   */
  expensesOutsideZoneOnly: z.boolean().default(true),
});
export type Travel = z.infer<typeof travelSchema>;

/** A simple task billed at a flat price (004 art. VI: creating an AD account, a mailbox…). */
export const flatTaskSchema = z.object({
  code: z.string().trim().min(1, 'Code du forfait obligatoire.'),
  label: z.string().trim().min(1, 'Libellé du forfait obligatoire.'),
  priceCents: centsSchema,
});
export type FlatTask = z.infer<typeof flatTaskSchema>;

/** A prepaid bank of hours or days; a day counts 7 h, the ladder's day. */
export const hourBankSchema = z.object({
  unit: z.enum(['hours', 'days']),
  quantity: z.number().int().positive('La banque doit contenir au moins une unité.').max(100_000),
  startsOn: localDateSchema,
  /** Interventions after this date no longer draw on the bank; null: no end. */
  endsOn: localDateSchema.nullable().default(null),
});
export type HourBank = z.infer<typeof hourBankSchema>;

/** A VAT rate in basis points (2000 = 20 %) in force from a date (the day included). */
export const vatRateSchema = z.object({
  from: localDateSchema,
  basisPoints: z.number().int().min(0).max(10_000),
});
export type VatRate = z.infer<typeof vatRateSchema>;

export const STANDARD_VAT_BASIS_POINTS = 2000;

/**
 * Where each rule comes from in the contract as written ("002 art. IV.2.2"): printed on
 * every billed line that applies it, so the client can check it. Empty: not cited.
 */
export const contractArticlesSchema = z
  .object({
    ladder: z.string().trim().max(80).default(''),
    rounding: z.string().trim().max(80).default(''),
    travel: z.string().trim().max(80).default(''),
    incidents: z.string().trim().max(80).default(''),
    plannedVisits: z.string().trim().max(80).default(''),
    complementary: z.string().trim().max(80).default(''),
    outsideHours: z.string().trim().max(80).default(''),
    flatTasks: z.string().trim().max(80).default(''),
    syntec: z.string().trim().max(80).default(''),
    sla: z.string().trim().max(80).default(''),
  })
  .prefault({});
export type ContractArticles = z.output<typeof contractArticlesSchema>;

/**
 * What the subscription includes (domain-rules §3). Incidents on covered equipment are
 * included in unlimited number (002 art. III-1 §6, 004 art. V); planned visits up to
 * `subscriptionVisitsPerYear` (004 art. V last paragraph, art. VI), a visit beyond it being
 * flagged and, by our default, billed as a complementary service.
 */
export const coverageSchema = z
  .object({
    /** False for a time-and-materials contract (000/001): every visit is billed. */
    incidentsIncluded: z.boolean().default(true),
    beyondQuota: z.enum(['bill', 'include']).default('bill'),
    /** The subscription's price HT per period, revised by SYNTEC (002 art. IV.2.3); null: none. */
    subscriptionPriceCents: centsSchema.nullable().default(null),
    subscriptionPeriod: z.enum(['month', 'quarter', 'year']).default('month'),
    /** Per-device fee, the base of the age surcharge (004 art. XI); null: not per device. */
    perDeviceFeeCents: centsSchema.nullable().default(null),
    /** Age surcharge on the per-device fee (004 art. XI). */
    ageSurcharge: z.boolean().default(false),
  })
  .prefault({});
export type Coverage = z.output<typeof coverageSchema>;

/** A month of publication, "YYYY-MM". */
export const indexMonthSchema = z
  .string()
  .regex(
    /^\d{4}-(?:0[1-9]|1[0-2])$/,
    'Mois de l’indice attendu : un mois et son année (ex. janvier 2026, « 2026-01 »).',
  );

/** One revision the office applied: the price before and after, and the indices used. */
export const syntecRevisionEntrySchema = z.object({
  on: localDateSchema,
  s0: decimalStringSchema,
  s1: decimalStringSchema,
  fromCents: centsSchema,
  toCents: centsSchema,
  /**
   * The month of the published index S1 ("2026-01"), as the office typed it: SYNTEC is
   * published monthly and the contracts name the index by month. Null for entries recorded
   * before the month was asked.
   */
  indexMonth: indexMonthSchema.nullable().default(null),
});
export type SyntecRevisionEntry = z.output<typeof syntecRevisionEntrySchema>;

/**
 * The SYNTEC revision rule of a contract (domain-rules §4): what is revised, when, on which
 * base, how it is rounded. `index`/`revisedOn` are S0 and the date of the last revision (or
 * of signature); `initialIndex`/`initialPriceCents` are kept for the fixed base of 003.
 */
export const syntecSchema = z.object({
  index: decimalStringSchema,
  revisedOn: localDateSchema,
  target: z.enum(['subscription', 'rates']).default('subscription'),
  when: z.enum(['anniversary', 'january-1']).default('anniversary'),
  base: z.enum(['chained', 'initial']).default('chained'),
  rounding: z.enum(['euro-up', 'cent']).default('cent'),
  initialIndex: decimalStringSchema.nullable().default(null),
  initialPriceCents: centsSchema.nullable().default(null),
  history: z.array(syntecRevisionEntrySchema).default([]),
});
export type Syntec = z.output<typeof syntecSchema>;

/**
 * A client's contract, as the office and the laptops store it (JSON-serialisable: dates are
 * "YYYY-MM-DD", amounts integer cents, durations integer minutes). Everything the billing
 * engine needs to price an intervention is here; fields a contract does not set take the
 * defaults documented in docs/billing.md.
 */
export const contractSchema = z.object({
  id: z.string().min(1),
  clientId: z.string().min(1),
  /** The contract's reference, printed on the report ("CT-2026-014"). */
  reference: z.string().trim().min(1, 'Référence du contrat obligatoire.'),
  label: z.string().trim().default(''),
  startsOn: localDateSchema,
  /** Next due date (échéance) for a tacitly renewed contract; null: no renewal. */
  renewsOn: localDateSchema.nullable().default(null),
  /** Written notice before the due date (000 art. 7, 002 art. VII: three months). */
  noticeMonths: z.number().int().min(0).max(24).default(3),

  /** The value of an hour on site (002 art. IV.2.2, "la valeur de l'unité de temps"). */
  hourlyRateCents: centsSchema,
  /** The value of an hour remotely; null: the on-site hourly rate. */
  remoteHourlyRateCents: centsSchema.nullable().default(null),
  /** Flat price of a half-day (3 h 30); null: 3.5 × the hourly rate. */
  halfDayPriceCents: centsSchema.nullable().default(null),
  /** Flat price of a day (7 h); null: 7 × the hourly rate. */
  dayPriceCents: centsSchema.nullable().default(null),
  /** Minutes of grace before each step up on site (our default 0). */
  toleranceMinutes: z.number().int().min(0).max(MAX_TOLERANCE_MINUTES).default(0),

  /** The client's opening hours, in the site's wall-clock time (Europe/Paris). */
  openingHours: weeklyScheduleSchema.default(() => freshCopy(DEFAULT_OPENING_HOURS)),
  /** Whose public holidays close the client; null: the client opens on public holidays. */
  holidayRegion: z.enum(['metropole', 'alsace-moselle']).nullable().default('metropole'),
  /** Surcharge on the time of on-site work outside opening hours, in %; null: none (flagged). */
  outsideHoursSurchargePercent: z.number().int().min(0).max(1_000).nullable().default(null),

  travel: travelSchema.prefault({}),
  /** Catalogue of flat-fee tasks. */
  flatTasks: z
    .array(flatTaskSchema)
    .default([])
    .refine((tasks) => new Set(tasks.map((t) => t.code)).size === tasks.length, {
      message: 'Deux forfaits ont le même code.',
    }),
  hourBank: hourBankSchema.nullable().default(null),
  /** Planned visits per year included in the subscription (004 art. VI); null: not set. */
  subscriptionVisitsPerYear: z.number().int().min(0).max(366).nullable().default(null),
  /** VAT rates by date of the intervention ("au taux de TVA en vigueur", 002 art. IV.2.2). */
  vatRates: z
    .array(vatRateSchema)
    .min(1, 'Au moins un taux de TVA.')
    .default(() => [{ from: '2014-01-01', basisPoints: STANDARD_VAT_BASIS_POINTS }]),
  /** SYNTEC index of the last revision (S0), its date and the rule; null: prices not indexed. */
  syntec: syntecSchema.nullable().default(null),
  /**
   * "arrondis à l'euro supérieur" (002 art. IV.2.2): ALLANCE's clause only, so a setting.
   * On, each time line (units × rate) is rounded up to the euro; parts, travel, meals and
   * flat tasks stay exact to the cent.
   */
  roundTimeUpToEuro: z.boolean().default(false),
  coverage: coverageSchema,
  articles: contractArticlesSchema,
  /**
   * The provider itself checks the client's backups (002 art. III-1 §4, 004 art. V "gestion
   * des sauvegardes"): the bordereau's backup reminder then says so (shared/report/pdf/section-backup.ts).
   */
  backupsCheckedByProvider: z.boolean().default(false),
  /**
   * The client's contacts (ids of contact records) who receive the client's copies by
   * e-mail, e.g. the IT correspondent: bordereaux (004 art. VI "en remettra un exemplaire au
   * client") and activity reports (002 art. III-1 §6). Pre-filled on site, used by the office
   * server's deliveries (shared/report/copy-recipients.ts).
   */
  copyRecipientContactIds: z.array(z.string().min(1)).max(20).default([]),
  /** On-site response times in working minutes (004 art. VI). */
  sla: z
    .object({
      serverNetworkMinutes: z.number().int().positive().default(SLA_SERVER_NETWORK_MINUTES),
      workstationMinutes: z.number().int().positive().default(SLA_WORKSTATION_MINUTES),
    })
    .prefault({}),
});
export type Contract = z.output<typeof contractSchema>;
/** What a form or an import may give: every defaulted field optional. */
export type ContractInput = z.input<typeof contractSchema>;

// Each parsed contract gets its own default schedule, so editing one never edits the others.
function freshCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
