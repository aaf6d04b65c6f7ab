import { checkOpeningHours } from '../calendar/opening-hours';
import type { OpeningHoursCheck, OutsideHoursReason } from '../calendar/opening-hours';
import { localDateOf } from '../calendar/local-date';
import { formatDuration } from '../format/duration';
import type { Contract } from './contract';
import type { InterventionFacts } from './intervention';
import { DAY_MINUTES, HALF_DAY_MINUTES, ladderStep } from './ladder';
import type { LadderStep } from './ladder';
import { ceilToEuroCents, roundHalfUpDiv } from './money';
import { stepLabel } from './step-label';
import { isInTravelZone } from './travel-zone';

export type PricedLineKind =
  'labour' | 'hour-bank' | 'surcharge' | 'travel' | 'meals' | 'lodging' | 'part' | 'flat-task';

/** One line of the billing summary, printed as is on the report (French label). */
export interface PricedLine {
  readonly kind: PricedLineKind;
  readonly label: string;
  /** For lines priced per unit (parts, meals, km…); null otherwise. */
  readonly quantity: number | null;
  readonly unitHtCents: number | null;
  /** HT, rounded up to the whole euro (a multiple of 100). */
  readonly htCents: number;
}

export type PricingFlagCode =
  | 'included-in-subscription'
  | 'equipment-not-covered'
  | 'outside-opening-hours'
  | 'no-outside-hours-surcharge'
  | 'outside-travel-zone'
  | 'site-postcode-missing'
  | 'hour-bank-exceeded'
  | 'meals-not-priced'
  | 'lodging-not-priced';

/** Something the office must see on the report or check before billing. */
export interface PricingFlag {
  readonly code: PricingFlagCode;
  readonly message: string;
}

export interface HourBankUse {
  readonly balanceBeforeMinutes: number;
  readonly deductedMinutes: number;
  readonly excessMinutes: number;
  readonly balanceAfterMinutes: number;
}

export interface PricedIntervention {
  readonly lines: readonly PricedLine[];
  readonly totalHtCents: number;
  /** 2000 = 20 %. */
  readonly vatRateBasisPoints: number;
  readonly vatCents: number;
  readonly ttcCents: number;
  readonly workedMinutes: number;
  readonly billedMinutes: number;
  readonly step: LadderStep;
  /** "Demi-journée (3 h 30)"… (see step-label.ts). */
  readonly stepLabel: string;
  /** On site only; null for remote work. */
  readonly openingHours: OpeningHoursCheck | null;
  /** Null when the contract has no hour bank or the visit is included in the subscription. */
  readonly hourBank: HourBankUse | null;
  readonly flags: readonly PricingFlag[];
}

export type PricingErrorCode = 'unknown-flat-task' | 'no-vat-rate' | 'hour-bank-balance-missing';

export class PricingError extends Error {
  readonly code: PricingErrorCode;
  constructor(code: PricingErrorCode, message: string) {
    super(message);
    this.name = 'PricingError';
    this.code = code;
  }
}

const REASON_LABEL: Record<OutsideHoursReason, string> = {
  weekend: 'le week-end',
  'public-holiday': 'un jour férié',
  'outside-hours': 'hors des heures d’ouverture',
};

/** The VAT rate in force on the day of the intervention (Paris date). */
export function vatRateOn(contract: Contract, startedAt: number): number {
  const day = localDateOf(startedAt);
  let best: { from: string; basisPoints: number } | null = null;
  for (const rate of contract.vatRates) {
    if (rate.from <= day && (best === null || rate.from >= best.from)) best = rate;
  }
  if (best === null) {
    throw new PricingError(
      'no-vat-rate',
      `Aucun taux de TVA en vigueur le ${day} dans le contrat.`,
    );
  }
  return best.basisPoints;
}

/**
 * Price of the billed time, as cents × 60 (so fractions of an hour stay integers): flat day
 * and half-day prices win over the hourly rate (domain-rules §4); the 2 h step and remote
 * half-hours are always at the hourly rate.
 */
function timeValueCentMinutes(contract: Contract, step: LadderStep): number {
  if (step.kind === 'none') return 0;
  if (step.kind === 'half-hours') {
    return (contract.remoteHourlyRateCents ?? contract.hourlyRateCents) * step.billedMinutes;
  }
  const rate = contract.hourlyRateCents;
  const day = contract.dayPriceCents !== null ? contract.dayPriceCents * 60 : rate * DAY_MINUTES;
  const remainder =
    step.remainderMinutes === HALF_DAY_MINUTES && contract.halfDayPriceCents !== null
      ? contract.halfDayPriceCents * 60
      : rate * step.remainderMinutes;
  return step.days * day + remainder;
}

function modeLabel(facts: InterventionFacts): string {
  return facts.mode === 'onsite' ? 'Intervention sur site' : 'Intervention à distance';
}

/**
 * The priced lines of an intervention under its contract (domain-rules §3–§4). Every line HT
 * is rounded up to the whole euro (002 art. IV.2.2), VAT is computed on the HT total at the
 * rate in force that day and rounded half-up to the cent, TTC = HT + VAT. Pure: everything
 * it needs is in its arguments.
 */
export function priceIntervention(
  contract: Contract,
  facts: InterventionFacts,
): PricedIntervention {
  const step = ladderStep(facts.mode, facts.workedMinutes, {
    toleranceMinutes: contract.toleranceMinutes,
  });
  const label = stepLabel(step);
  const lines: PricedLine[] = [];
  const flags: PricingFlag[] = [];
  const flag = (code: PricingFlagCode, message: string) => flags.push({ code, message });
  const onsite = facts.mode === 'onsite';

  if (!facts.equipmentCovered) {
    flag(
      'equipment-not-covered',
      'Équipement hors contrat : intervention facturée en prestation complémentaire.',
    );
  }
  const included = facts.includedInSubscription && facts.equipmentCovered;

  // Time.
  let hourBank: HourBankUse | null = null;
  let labourHt = 0;
  if (included) {
    flag(
      'included-in-subscription',
      'Visite incluse dans l’abonnement : temps relevé, non facturé.',
    );
    lines.push({
      kind: 'labour',
      label: `${modeLabel(facts)} — ${label} — incluse dans l’abonnement`,
      quantity: null,
      unitHtCents: null,
      htCents: 0,
    });
  } else if (contract.hourBank !== null && step.billedMinutes > 0) {
    const before = facts.hourBankBalanceMinutes;
    if (before === null) {
      throw new PricingError(
        'hour-bank-balance-missing',
        'Le contrat a une banque d’heures : le solde avant l’intervention est nécessaire.',
      );
    }
    const deducted = Math.min(before, step.billedMinutes);
    const excess = step.billedMinutes - deducted;
    hourBank = {
      balanceBeforeMinutes: before,
      deductedMinutes: deducted,
      excessMinutes: excess,
      balanceAfterMinutes: before - deducted,
    };
    lines.push({
      kind: 'hour-bank',
      label: `${modeLabel(facts)} — ${label} — ${formatDuration(deducted)} déduites de la banque d’heures (solde ${formatDuration(before - deducted)})`,
      quantity: null,
      unitHtCents: null,
      htCents: 0,
    });
    if (excess > 0) {
      flag(
        'hour-bank-exceeded',
        `Banque d’heures épuisée : ${formatDuration(excess)} facturées en complément.`,
      );
      const rate = onsite
        ? contract.hourlyRateCents
        : (contract.remoteHourlyRateCents ?? contract.hourlyRateCents);
      const ht = ceilToEuroCents(rate * excess, 60);
      labourHt += ht;
      lines.push({
        kind: 'labour',
        label: `Dépassement de la banque d’heures — ${formatDuration(excess)}`,
        quantity: null,
        unitHtCents: null,
        htCents: ht,
      });
    }
  } else {
    const ht = ceilToEuroCents(timeValueCentMinutes(contract, step), 60);
    labourHt += ht;
    lines.push({
      kind: 'labour',
      label: `${modeLabel(facts)} — ${label}`,
      quantity: null,
      unitHtCents: null,
      htCents: ht,
    });
  }

  // Opening hours: the ladder covers on-site work within them only (002 art. IV.2.2).
  let openingHours: OpeningHoursCheck | null = null;
  if (onsite) {
    openingHours = checkOpeningHours(facts.segments, contract.openingHours, {
      holidays: contract.holidayRegion,
    });
    if (openingHours.outside) {
      const why = openingHours.reasons.map((r) => REASON_LABEL[r]).join(', ');
      flag(
        'outside-opening-hours',
        `${formatDuration(openingHours.outsideMinutes)} de travail ${why} : hors du barème contractuel.`,
      );
      const percent = contract.outsideHoursSurchargePercent;
      if (percent !== null && percent > 0) {
        if (labourHt > 0) {
          lines.push({
            kind: 'surcharge',
            label: `Majoration hors heures d’ouverture (+${percent} %)`,
            quantity: null,
            unitHtCents: null,
            htCents: ceilToEuroCents(labourHt * percent, 100),
          });
        }
      } else {
        flag(
          'no-outside-hours-surcharge',
          'Aucune majoration prévue au contrat : à vérifier par le bureau.',
        );
      }
    }
  }

  // Travel, meals, lodging (on site only).
  if (onsite) priceTravel(contract, facts, lines, flag);

  for (const part of facts.parts) {
    lines.push({
      kind: 'part',
      label: part.label,
      quantity: part.quantity,
      unitHtCents: part.unitPriceCents,
      htCents: ceilToEuroCents(part.quantity * part.unitPriceCents),
    });
  }

  for (const done of facts.flatTasks) {
    const task = contract.flatTasks.find((t) => t.code === done.code);
    if (!task) {
      throw new PricingError(
        'unknown-flat-task',
        `Forfait inconnu dans le contrat : ${done.code}.`,
      );
    }
    lines.push({
      kind: 'flat-task',
      label: task.label,
      quantity: done.quantity,
      unitHtCents: task.priceCents,
      htCents: ceilToEuroCents(done.quantity * task.priceCents),
    });
  }

  let totalHtCents = 0;
  for (const line of lines) totalHtCents += line.htCents;
  const vatRateBasisPoints = vatRateOn(contract, facts.startedAt);
  const vatCents = roundHalfUpDiv(totalHtCents * vatRateBasisPoints, 10_000);
  return {
    lines,
    totalHtCents,
    vatRateBasisPoints,
    vatCents,
    ttcCents: totalHtCents + vatCents,
    workedMinutes: facts.workedMinutes,
    billedMinutes: step.billedMinutes,
    step,
    stepLabel: label,
    openingHours,
    hourBank,
    flags,
  };
}

function priceTravel(
  contract: Contract,
  facts: InterventionFacts,
  lines: PricedLine[],
  flag: (code: PricingFlagCode, message: string) => void,
): void {
  const { travel } = contract;
  let inZone: boolean;
  if (travel.fee.kind === 'included') {
    inZone = true;
    lines.push({
      kind: 'travel',
      label: 'Déplacement inclus',
      quantity: null,
      unitHtCents: null,
      htCents: 0,
    });
  } else if (facts.sitePostcode === null) {
    // Without a postcode the zone is unknown: bill nothing rather than too much, and say so.
    flag(
      'site-postcode-missing',
      'Code postal du site inconnu : déplacement non facturé, à vérifier.',
    );
    return;
  } else if (isInTravelZone(travel, facts.sitePostcode)) {
    inZone = true;
    lines.push({
      kind: 'travel',
      label: 'Déplacement inclus (zone du contrat)',
      quantity: null,
      unitHtCents: null,
      htCents: 0,
    });
  } else {
    inZone = false;
    flag('outside-travel-zone', `Site hors zone (${facts.sitePostcode}) : déplacement facturé.`);
    if (travel.fee.kind === 'flat') {
      lines.push({
        kind: 'travel',
        label: 'Déplacement (forfait)',
        quantity: 1,
        unitHtCents: travel.fee.amountCents,
        htCents: ceilToEuroCents(travel.fee.amountCents),
      });
    } else {
      lines.push({
        kind: 'travel',
        label: `Déplacement — ${facts.travelKm} km`,
        quantity: facts.travelKm,
        unitHtCents: travel.fee.centsPerKm,
        htCents: ceilToEuroCents(facts.travelKm * travel.fee.centsPerKm),
      });
    }
  }

  const expensesDue = !inZone || !travel.expensesOutsideZoneOnly;
  if (facts.meals > 0 && expensesDue) {
    if (travel.mealCents === null)
      flag('meals-not-priced', 'Repas sans prix au contrat : non facturés.');
    else {
      lines.push({
        kind: 'meals',
        label: facts.meals === 1 ? 'Repas' : `Repas (${facts.meals})`,
        quantity: facts.meals,
        unitHtCents: travel.mealCents,
        htCents: ceilToEuroCents(facts.meals * travel.mealCents),
      });
    }
  }
  if (facts.lodgingNights > 0 && expensesDue) {
    if (travel.lodgingNightCents === null) {
      flag('lodging-not-priced', 'Hébergement sans prix au contrat : non facturé.');
    } else {
      lines.push({
        kind: 'lodging',
        label:
          facts.lodgingNights === 1
            ? 'Hébergement — 1 nuit'
            : `Hébergement — ${facts.lodgingNights} nuits`,
        quantity: facts.lodgingNights,
        unitHtCents: travel.lodgingNightCents,
        htCents: ceilToEuroCents(facts.lodgingNights * travel.lodgingNightCents),
      });
    }
  }
}
