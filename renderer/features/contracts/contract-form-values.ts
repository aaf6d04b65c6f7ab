import { z } from 'zod';
import { contractPreset } from '../../../shared/billing/contract-presets';
import type { ContractPreset } from '../../../shared/billing/contract-presets';
import type { Contract, ContractArticles, ContractInput } from '../../../shared/billing/contract';
import { localDateSchema } from '../../../shared/calendar/local-date';
import { centsToEuroText, eurosToCents } from '../../../shared/format/euro-amount';

/**
 * The contract screen's values: every parameter the billing engine prices, as the form
 * edits them (text for amounts and optional numbers, so "empty" means "not set"), and the
 * mapping to and from the stored contract. Fields the screen does not show (ids, VAT rates,
 * flat tasks, the SYNTEC history…) are carried over untouched from the stored contract.
 */

const euros = (required: boolean) =>
  z
    .string()
    .trim()
    .refine(
      (t) => (t === '' ? !required : eurosToCents(t) !== null),
      required
        ? 'Montant en euros attendu (ex. 65 ou 65,50).'
        : 'Montant en euros attendu, ou laisser vide.',
    );
const wholeText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .refine(
      (t) => t === '' || (/^\d{1,6}$/.test(t) && Number(t) <= max),
      `${what} : nombre entier de 0 à ${max} attendu, ou laisser vide.`,
    );
const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: 'Nombre entier attendu.' })
    .int('Nombre entier attendu.')
    .min(min, `${min} au minimum.`)
    .max(max, `${max} au maximum.`);
const optionalDate = z.union([z.literal(''), localDateSchema]);
const indexText = z
  .string()
  .trim()
  .regex(/^$|^\d{1,9}(?:[.,]\d{1,6})?$/, 'Indice SYNTEC attendu (ex. « 296,1 »), ou laisser vide.');

export const contractFormSchema = z
  .object({
    reference: z.string().trim().min(1, 'Référence du contrat obligatoire.'),
    label: z.string().trim(),
    // An empty date would otherwise read "Date attendue au format AAAA-MM-JJ", which the date picker never shows.
    startsOn: z.string().min(1, 'Date de début du contrat obligatoire.').pipe(localDateSchema),
    renewsOn: optionalDate,
    noticeMonths: wholeNumber(0, 24),

    // Subscription and what it includes.
    incidentsIncluded: z.boolean(),
    subscriptionPrice: euros(false),
    subscriptionPeriod: z.enum(['month', 'quarter', 'year']),
    visitsPerYear: z
      .string()
      .trim()
      .regex(/^$|^\d{1,3}$/, 'Nombre de visites attendu, ou laisser vide.'),
    beyondQuota: z.enum(['bill', 'include']),
    perDeviceFee: euros(false),
    ageSurcharge: z.boolean(),

    // Complementary services and the ladder.
    hourlyRate: euros(true),
    remoteHourlyRate: euros(false),
    halfDayPrice: euros(false),
    dayPrice: euros(false),
    toleranceMinutes: wholeNumber(0, 89),
    roundTimeUpToEuro: z.boolean(),
    backupsCheckedByProvider: z.boolean(),

    // Travel, meals and nights.
    departements: z
      .string()
      .trim()
      .regex(
        /^$|^(?:[0-9]{2,3}|2[AB])(?:\s*[,;]\s*(?:[0-9]{2,3}|2[AB]))*$/i,
        'Départements séparés par des virgules (ex. 75, 92, 93).',
      ),
    postcodes: z
      .string()
      .trim()
      .regex(
        /^$|^\d{5}(?:\s*[,;]\s*\d{5})*$/,
        'Codes postaux à 5 chiffres, séparés par des virgules.',
      ),
    travelFeeKind: z.enum(['included', 'flat', 'per-km']),
    travelFee: euros(false),
    meal: euros(false),
    night: euros(false),
    expensesOutsideZoneOnly: z.boolean(),

    // Hours.
    outsideHoursSurcharge: wholeText(1000, 'Majoration'),
    holidayRegion: z.enum(['metropole', 'alsace-moselle', 'none']),

    // Hour bank.
    hourBankUnit: z.enum(['none', 'hours', 'days']),
    hourBankQuantity: wholeText(100_000, 'Banque d’heures'),
    hourBankStartsOn: optionalDate,
    hourBankEndsOn: optionalDate,

    // SYNTEC.
    syntecIndex: indexText,
    syntecRevisedOn: optionalDate,
    syntecTarget: z.enum(['subscription', 'rates']),
    syntecWhen: z.enum(['anniversary', 'january-1']),
    syntecBase: z.enum(['chained', 'initial']),
    syntecRounding: z.enum(['euro-up', 'cent']),
    syntecInitialIndex: indexText,

    // SLA, in working hours.
    slaServerHours: wholeNumber(1, 200),
    slaWorkstationHours: wholeNumber(1, 200),

    // Who receives the client's copies: ids of the client's contacts (the contract schema's bounds).
    copyRecipientContactIds: z
      .array(z.string().min(1))
      .max(20, 'Au plus 20 contacts destinataires des exemplaires du client.'),
  })
  .superRefine((v, ctx) => {
    if (v.travelFeeKind !== 'included' && v.travelFee === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['travelFee'],
        message: 'Indiquez le prix du déplacement hors zone.',
      });
    }
    if (v.hourBankUnit !== 'none') {
      if (v.hourBankQuantity === '' || Number(v.hourBankQuantity) === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['hourBankQuantity'],
          message: 'Indiquez le nombre d’heures ou de jours de la banque.',
        });
      }
      if (v.hourBankStartsOn === '') {
        ctx.addIssue({
          code: 'custom',
          path: ['hourBankStartsOn'],
          message: 'Indiquez le début de la banque d’heures.',
        });
      }
    }
    if ((v.syntecIndex === '') !== (v.syntecRevisedOn === '')) {
      ctx.addIssue({
        code: 'custom',
        path: [v.syntecIndex === '' ? 'syntecIndex' : 'syntecRevisedOn'],
        message: 'Indexation SYNTEC : indiquez l’indice S0 et sa date, ou ni l’un ni l’autre.',
      });
    }
  });
export type ContractFormValues = z.input<typeof contractFormSchema>;
export type ContractFormOutput = z.output<typeof contractFormSchema>;

const list = (items: readonly string[]) => items.join(', ');
const splitList = (text: string) =>
  text.trim() === '' ? [] : text.toUpperCase().split(/\s*[,;]\s*/);

/** The form's values for a contract (or for a new one: `null`, preset applied after). */
export function contractFormValues(c: ContractInputLike | null): ContractFormValues {
  const fee = c?.travel?.fee ?? { kind: 'included' as const };
  const syntec = c?.syntec ?? null;
  const bank = c?.hourBank ?? null;
  return {
    reference: c?.reference ?? '',
    label: c?.label ?? '',
    startsOn: c?.startsOn ?? '',
    renewsOn: c?.renewsOn ?? '',
    noticeMonths: c?.noticeMonths ?? 3,
    incidentsIncluded: c?.coverage?.incidentsIncluded ?? true,
    subscriptionPrice: centsToEuroText(c?.coverage?.subscriptionPriceCents ?? null),
    subscriptionPeriod: c?.coverage?.subscriptionPeriod ?? 'month',
    visitsPerYear: c?.subscriptionVisitsPerYear == null ? '' : String(c.subscriptionVisitsPerYear),
    beyondQuota: c?.coverage?.beyondQuota ?? 'bill',
    perDeviceFee: centsToEuroText(c?.coverage?.perDeviceFeeCents ?? null),
    ageSurcharge: c?.coverage?.ageSurcharge ?? false,
    hourlyRate: c?.hourlyRateCents === undefined ? '' : centsToEuroText(c.hourlyRateCents),
    remoteHourlyRate: centsToEuroText(c?.remoteHourlyRateCents ?? null),
    halfDayPrice: centsToEuroText(c?.halfDayPriceCents ?? null),
    dayPrice: centsToEuroText(c?.dayPriceCents ?? null),
    toleranceMinutes: c?.toleranceMinutes ?? 0,
    roundTimeUpToEuro: c?.roundTimeUpToEuro ?? false,
    backupsCheckedByProvider: c?.backupsCheckedByProvider ?? false,
    departements: list(c?.travel?.zone?.departements ?? []),
    postcodes: list(c?.travel?.zone?.postcodes ?? []),
    travelFeeKind: fee.kind,
    travelFee:
      fee.kind === 'flat'
        ? centsToEuroText(fee.amountCents)
        : fee.kind === 'per-km'
          ? centsToEuroText(fee.centsPerKm)
          : '',
    meal: centsToEuroText(c?.travel?.mealCents ?? null),
    night: centsToEuroText(c?.travel?.lodgingNightCents ?? null),
    expensesOutsideZoneOnly: c?.travel?.expensesOutsideZoneOnly ?? true,
    outsideHoursSurcharge:
      c?.outsideHoursSurchargePercent == null ? '' : String(c.outsideHoursSurchargePercent),
    holidayRegion: c?.holidayRegion === null ? 'none' : (c?.holidayRegion ?? 'metropole'),
    hourBankUnit: bank?.unit ?? 'none',
    hourBankQuantity: bank ? String(bank.quantity) : '',
    hourBankStartsOn: bank?.startsOn ?? '',
    hourBankEndsOn: bank?.endsOn ?? '',
    syntecIndex: syntec?.index ?? '',
    syntecRevisedOn: syntec?.revisedOn ?? '',
    syntecTarget: syntec?.target ?? 'subscription',
    syntecWhen: syntec?.when ?? 'anniversary',
    syntecBase: syntec?.base ?? 'chained',
    syntecRounding: syntec?.rounding ?? 'cent',
    syntecInitialIndex: syntec?.initialIndex ?? '',
    slaServerHours: Math.round((c?.sla?.serverNetworkMinutes ?? 240) / 60),
    slaWorkstationHours: Math.round((c?.sla?.workstationMinutes ?? 480) / 60),
    copyRecipientContactIds: [...(c?.copyRecipientContactIds ?? [])],
  };
}

/** A stored contract, or a preset's partial values. */
type ContractInputLike = Partial<ContractInput>;

/** The form's values with a preset's clauses applied over what is typed so far. */
export function withPreset(values: ContractFormValues, preset: ContractPreset): ContractFormValues {
  const p = contractFormValues(contractPreset(preset));
  return {
    ...values,
    incidentsIncluded: p.incidentsIncluded,
    beyondQuota: p.beyondQuota,
    ageSurcharge: p.ageSurcharge,
    visitsPerYear: p.visitsPerYear,
    roundTimeUpToEuro: p.roundTimeUpToEuro,
    backupsCheckedByProvider: p.backupsCheckedByProvider,
    departements: p.departements,
    postcodes: p.postcodes,
    travelFeeKind: p.travelFeeKind,
    travelFee: p.travelFeeKind === values.travelFeeKind ? values.travelFee : p.travelFee,
    expensesOutsideZoneOnly: p.expensesOutsideZoneOnly,
    syntecWhen: preset === 'maintenance' ? 'january-1' : 'anniversary',
    syntecRounding: preset === 'infogerance' ? 'euro-up' : 'cent',
    syntecTarget: 'subscription',
  };
}

const centsOrNull = (t: string) => (t.trim() === '' ? null : eurosToCents(t));

/**
 * The contract to save: the stored one (every field the screen does not show kept as is)
 * with the form's values over it. Validated again by the billing schema on save.
 */
export function contractFromForm(
  v: ContractFormOutput,
  existing: Contract | null,
  base: { clientId: string; articles: ContractArticles | undefined },
): Omit<ContractInput, 'id'> & { id?: string } {
  const feeCents = centsOrNull(v.travelFee) ?? 0;
  const fee =
    v.travelFeeKind === 'flat'
      ? { kind: 'flat' as const, amountCents: feeCents }
      : v.travelFeeKind === 'per-km'
        ? { kind: 'per-km' as const, centsPerKm: feeCents }
        : { kind: 'included' as const };
  const syntec =
    v.syntecIndex === ''
      ? null
      : {
          ...(existing?.syntec ?? { history: [], initialPriceCents: null }),
          index: v.syntecIndex,
          revisedOn: v.syntecRevisedOn,
          target: v.syntecTarget,
          when: v.syntecWhen,
          base: v.syntecBase,
          rounding: v.syntecRounding,
          initialIndex: v.syntecInitialIndex === '' ? null : v.syntecInitialIndex,
          initialPriceCents:
            existing?.syntec?.initialPriceCents ??
            (v.syntecBase === 'initial' ? centsOrNull(v.subscriptionPrice) : null),
        };
  return {
    ...(existing ?? {}),
    clientId: base.clientId,
    reference: v.reference,
    label: v.label,
    startsOn: v.startsOn,
    renewsOn: v.renewsOn === '' ? null : v.renewsOn,
    noticeMonths: v.noticeMonths,
    hourlyRateCents: eurosToCents(v.hourlyRate) ?? 0,
    remoteHourlyRateCents: centsOrNull(v.remoteHourlyRate),
    halfDayPriceCents: centsOrNull(v.halfDayPrice),
    dayPriceCents: centsOrNull(v.dayPrice),
    toleranceMinutes: v.toleranceMinutes,
    roundTimeUpToEuro: v.roundTimeUpToEuro,
    backupsCheckedByProvider: v.backupsCheckedByProvider,
    holidayRegion: v.holidayRegion === 'none' ? null : v.holidayRegion,
    outsideHoursSurchargePercent:
      v.outsideHoursSurcharge === '' ? null : Number(v.outsideHoursSurcharge),
    travel: {
      ...(existing?.travel ?? {}),
      zone: { departements: splitList(v.departements), postcodes: splitList(v.postcodes) },
      fee,
      mealCents: centsOrNull(v.meal),
      lodgingNightCents: centsOrNull(v.night),
      expensesOutsideZoneOnly: v.expensesOutsideZoneOnly,
    },
    hourBank:
      v.hourBankUnit === 'none'
        ? null
        : {
            unit: v.hourBankUnit,
            quantity: Number(v.hourBankQuantity),
            startsOn: v.hourBankStartsOn,
            endsOn: v.hourBankEndsOn === '' ? null : v.hourBankEndsOn,
          },
    subscriptionVisitsPerYear: v.visitsPerYear === '' ? null : Number(v.visitsPerYear),
    coverage: {
      incidentsIncluded: v.incidentsIncluded,
      beyondQuota: v.beyondQuota,
      subscriptionPriceCents: centsOrNull(v.subscriptionPrice),
      subscriptionPeriod: v.subscriptionPeriod,
      perDeviceFeeCents: centsOrNull(v.perDeviceFee),
      ageSurcharge: v.ageSurcharge,
    },
    syntec,
    sla: {
      serverNetworkMinutes: v.slaServerHours * 60,
      workstationMinutes: v.slaWorkstationHours * 60,
    },
    copyRecipientContactIds: v.copyRecipientContactIds,
    ...(base.articles ? { articles: base.articles } : {}),
  };
}
