import { checkOpeningHours } from '../calendar/opening-hours';
import type { OpeningHoursCheck, OutsideHoursReason } from '../calendar/opening-hours';
import { localDateOf } from '../calendar/local-date';
import { formatDuration } from '../format/duration';

import type { Contract } from './contract';
import { isIncluded } from './inclusion';
import type { Inclusion } from './inclusion';
import type { ComplementaryWork, VisitFacts } from './visit-facts';
import { DAY_MINUTES, HALF_DAY_MINUTES, ladderStep } from './ladder';
import type { LadderStep } from './ladder';
import { assertSafe, ceilToEuroCents, roundHalfUpDiv } from './money';
import { moneyText } from './money-text';
import { stepLabel } from './step-label';
import { isInTravelZone } from './travel-zone';

export type PricedLineKind =
  | 'labour'
  | 'hour-bank'
  | 'surcharge'
  | 'travel'
  | 'meals'
  | 'lodging'
  | 'part'
  | 'flat-task'
  | 'quote';

/** One line of the billing summary, printed as is on the report (French label). */
export interface PricedLine {
  readonly kind: PricedLineKind;
  readonly label: string;
  /** For lines priced per unit (parts, meals, km…); null otherwise. */
  readonly quantity: number | null;
  /** The unit price: per unit, or per hour on a time line priced at the rate. */
  readonly unitHtCents: number | null;
  /** Time lines: the billed minutes the line prices; null otherwise. */
  readonly timeMinutes: number | null;
  /**
   * How the amount was reached, in French: units × unit price, the ladder step, the
   * article applied, the rounding ("3 h 30 × 65,00 €/h = 227,50 € …"); null for a 0 line.
   */
  readonly detail: string | null;
  /** HT in cents: time lines rounded up to the euro under the contract's clause only. */
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
  | 'lodging-not-priced'
  | 'beyond-quota'
  | 'complementary-without-quote'
  | 'not-included';

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

export interface PricedVisit {
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
  /** Null when the contract has no hour bank or no time went through the ladder. */
  readonly hourBank: HourBankUse | null;
  /** The inclusion rule's verdict on the visit (inclusion.ts). */
  readonly inclusion: Inclusion;
  /** Minutes of complementary work recorded apart. */
  readonly complementaryMinutes: number;
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

/** " (002 art. IV.2.2)" or "" when the contract cites no article for the rule. */
function cite(article: string): string {
  return article === '' ? '' : ` (${article})`;
}

/**
 * The time the ladder prices, after the inclusion rule (domain-rules §3): an included visit
 * bills only the complementary work recorded apart; any other visit bills its whole time.
 * Complementary work under a quote with a flat price is priced at that price, its minutes
 * kept out of the ladder in both cases. Used by pricing and the hour bank alike.
 */
export interface TimeToBill {
  readonly inclusion: Inclusion;
  readonly ladderMinutes: number;
  readonly step: LadderStep;
  /** Complementary work priced by the ladder / at its quote's flat price. */
  readonly laddered: readonly ComplementaryWork[];
  readonly flatQuoted: readonly ComplementaryWork[];
}

export function timeToBill(contract: Contract, facts: VisitFacts): TimeToBill {
  const inclusion = isIncluded(contract, {
    underSubscription: facts.includedInSubscription,
    purpose: facts.purpose,
    equipmentCovered: facts.equipmentCovered,
    plannedVisitsEarlierThisYear: facts.plannedVisitsEarlierThisYear,
  });
  const flatQuoted = facts.complementary.filter((c) => c.quote?.flatPriceCents != null);
  const laddered = facts.complementary.filter((c) => c.quote?.flatPriceCents == null);
  const sum = (works: readonly ComplementaryWork[]) =>
    works.reduce((total, c) => total + c.workedMinutes, 0);
  const ladderMinutes = inclusion.included
    ? sum(laddered)
    : Math.max(0, facts.workedMinutes - sum(flatQuoted));
  const step = ladderStep(facts.mode, ladderMinutes, {
    toleranceMinutes: contract.toleranceMinutes,
  });
  return { inclusion, ladderMinutes, step, laddered, flatQuoted };
}

/**
 * A time amount of `numerator / denominator` cents, rounded as the contract says: up to the
 * euro under the clause, half-up to the cent otherwise; with the rounding explained.
 */
function timeAmount(
  contract: Contract,
  numerator: number,
  denominator = 60,
): { htCents: number; exactCents: number; rounding: string } {
  assertSafe(numerator);
  const exactCents = roundHalfUpDiv(numerator, denominator);
  if (!contract.roundTimeUpToEuro) return { htCents: exactCents, exactCents, rounding: '' };
  const htCents = ceilToEuroCents(numerator, denominator);
  const rounding =
    htCents === exactCents
      ? ''
      : ` ; arrondi à l’euro supérieur : ${moneyText(htCents)}${cite(contract.articles.rounding)}`;
  return { htCents, exactCents, rounding };
}

/**
 * The value of the billed time and how it is made (domain-rules §4): flat day and
 * half-day prices win over the hourly rate; the 2 h step and remote half-hours are always
 * at the hourly rate. Value in cents × 60 so fractions of an hour stay integers.
 */
function timeValue(
  contract: Contract,
  step: LadderStep,
): { centMinutes: number; units: string; unitHtCents: number | null } {
  if (step.kind === 'none') return { centMinutes: 0, units: '', unitHtCents: null };
  if (step.kind === 'half-hours') {
    const rate = contract.remoteHourlyRateCents ?? contract.hourlyRateCents;
    return {
      centMinutes: rate * step.billedMinutes,
      units: `${formatDuration(step.billedMinutes)} × ${moneyText(rate)}/h`,
      unitHtCents: rate,
    };
  }
  const rate = contract.hourlyRateCents;
  const { dayPriceCents, halfDayPriceCents } = contract;
  const flatDays = step.days > 0 && dayPriceCents !== null;
  const flatHalf = step.remainderMinutes === HALF_DAY_MINUTES && halfDayPriceCents !== null;
  const centMinutes =
    (flatDays ? step.days * dayPriceCents * 60 : step.days * rate * DAY_MINUTES) +
    (flatHalf ? halfDayPriceCents * 60 : rate * step.remainderMinutes);
  const atRate = !flatDays && !flatHalf;
  const units = (() => {
    // "7 h × 65 €/h + 2 h × 65 €/h" reads better as one product when all is at the rate.
    if (atRate) return `${formatDuration(step.billedMinutes)} × ${moneyText(rate)}/h`;
    const parts: string[] = [];
    if (step.days > 0) {
      parts.push(
        flatDays
          ? `${step.days} × journée à ${moneyText(dayPriceCents)}`
          : `${formatDuration(step.days * DAY_MINUTES)} × ${moneyText(rate)}/h`,
      );
    }
    if (step.remainderMinutes > 0) {
      parts.push(
        flatHalf
          ? `demi-journée à ${moneyText(halfDayPriceCents)}`
          : `${formatDuration(step.remainderMinutes)} × ${moneyText(rate)}/h`,
      );
    }
    return parts.join(' + ');
  })();
  return { centMinutes, units, unitHtCents: atRate ? rate : null };
}

function modeLabel(facts: VisitFacts): string {
  return facts.mode === 'onsite' ? 'Intervention sur site' : 'Intervention à distance';
}

const INCLUSION_LABEL: Record<Inclusion['reason'], string> = {
  incident: 'incident inclus dans l’abonnement',
  'planned-visit': 'visite planifiée incluse dans l’abonnement',
  'beyond-quota-included': 'visite au-delà du nombre prévu, incluse selon le contrat',
  'not-under-subscription': '',
  'equipment-not-covered': '',
  'incidents-not-included': '',
  'beyond-quota': '',
  'not-included-work': '',
};

/**
 * The priced lines of an intervention under its contract (domain-rules §3–§4). Time lines
 * are rounded up to the whole euro only under the contract's clause (002 art. IV.2.2),
 * otherwise half-up to the cent; every other line is exact. VAT is computed on the HT total
 * at the rate in force that day and rounded half-up to the cent, TTC = HT + VAT. Pure:
 * everything it needs is in its arguments.
 */
export function priceVisitFacts(contract: Contract, facts: VisitFacts): PricedVisit {
  const time = timeToBill(contract, facts);
  const { inclusion, step } = time;
  const label = stepLabel(step);
  const lines: PricedLine[] = [];
  const flags: PricingFlag[] = [];
  const flag = (code: PricingFlagCode, message: string) => flags.push({ code, message });
  const onsite = facts.mode === 'onsite';
  const { articles } = contract;
  const complementaryMinutes = facts.complementary.reduce((t, c) => t + c.workedMinutes, 0);

  if (!facts.equipmentCovered) {
    flag(
      'equipment-not-covered',
      'Équipement hors contrat : intervention facturée en prestation complémentaire.',
    );
  }
  if (inclusion.beyondQuota) {
    flag(
      'beyond-quota',
      `Visite planifiée n° ${inclusion.rank ?? 0} au-delà des ${inclusion.perYear ?? 0} prévues par an${cite(articles.plannedVisits)} : ${inclusion.included ? 'incluse selon le contrat' : 'facturée en prestation complémentaire'}, à vérifier.`,
    );
  }
  if (facts.includedInSubscription && !inclusion.included) {
    if (inclusion.reason === 'incidents-not-included') {
      flag('not-included', 'Le contrat n’inclut pas les incidents : intervention facturée.');
    } else if (inclusion.reason === 'not-included-work') {
      flag(
        'not-included',
        'Travaux hors abonnement (installation, audit…) : facturés en prestation complémentaire.',
      );
    }
  }
  for (const c of facts.complementary) {
    if (c.quote === null || !c.quote.accepted) {
      flag(
        'complementary-without-quote',
        `Prestation complémentaire « ${c.label} » sans devis accepté${cite(articles.complementary)} : à vérifier par le bureau.`,
      );
    }
  }

  // Time.
  let hourBank: HourBankUse | null = null;
  let labourHt = 0;
  const rateFor = onsite
    ? contract.hourlyRateCents
    : (contract.remoteHourlyRateCents ?? contract.hourlyRateCents);
  if (inclusion.included) {
    flag(
      'included-in-subscription',
      'Visite incluse dans l’abonnement : temps relevé, non facturé.',
    );
    const article = inclusion.reason === 'incident' ? articles.incidents : articles.plannedVisits;
    lines.push({
      kind: 'labour',
      label: `${modeLabel(facts)} — ${formatDuration(facts.workedMinutes - complementaryMinutes)} — ${INCLUSION_LABEL[inclusion.reason]}${cite(article)}`,
      quantity: null,
      unitHtCents: null,
      timeMinutes: null,
      detail: null,
      htCents: 0,
    });
  }
  const timeLabel =
    inclusion.included && time.laddered.length > 0
      ? `Prestation complémentaire — ${time.laddered.map((c) => c.label).join(', ')} — ${label}`
      : `${modeLabel(facts)} — ${label}`;
  const ladderArticle = cite(articles.ladder);
  if (inclusion.included && step.billedMinutes === 0) {
    // Nothing else to price for the time.
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
      label: `${timeLabel} — ${formatDuration(deducted)} déduites de la banque d’heures (solde ${formatDuration(before - deducted)})`,
      quantity: null,
      unitHtCents: null,
      timeMinutes: deducted,
      detail: `${formatDuration(time.ladderMinutes)} relevées, palier ${label}${ladderArticle}`,
      htCents: 0,
    });
    if (excess > 0) {
      flag(
        'hour-bank-exceeded',
        `Banque d’heures épuisée : ${formatDuration(excess)} facturées en complément.`,
      );
      const amount = timeAmount(contract, rateFor * excess);
      labourHt += amount.htCents;
      lines.push({
        kind: 'labour',
        label: `Dépassement de la banque d’heures — ${formatDuration(excess)}`,
        quantity: null,
        unitHtCents: rateFor,
        timeMinutes: excess,
        detail: `${formatDuration(excess)} × ${moneyText(rateFor)}/h = ${moneyText(amount.exactCents)}${amount.rounding}`,
        htCents: amount.htCents,
      });
    }
  } else {
    const value = timeValue(contract, step);
    const amount = timeAmount(contract, value.centMinutes);
    labourHt += amount.htCents;
    lines.push({
      kind: 'labour',
      label: timeLabel,
      quantity: null,
      unitHtCents: value.unitHtCents,
      timeMinutes: step.billedMinutes,
      detail:
        step.kind === 'none'
          ? null
          : `${formatDuration(time.ladderMinutes)} relevées, palier ${label}${ladderArticle} : ${value.units} = ${moneyText(amount.exactCents)}${amount.rounding}`,
      htCents: amount.htCents,
    });
  }
  for (const c of time.flatQuoted) {
    const price = c.quote?.flatPriceCents ?? 0;
    lines.push({
      kind: 'quote',
      label: `Prestation complémentaire — ${c.label} — devis ${c.quote?.number ?? ''}`,
      quantity: 1,
      unitHtCents: price,
      timeMinutes: null,
      detail: `${formatDuration(c.workedMinutes)} relevées, prix forfaitaire du devis ${c.quote?.number ?? ''} : ${moneyText(price)}`,
      htCents: price,
    });
  }

  // Opening hours: the ladder covers on-site work within them only (002 art. IV.2.2).
  // The site's hours decide; the contract's are the fallback.
  let openingHours: OpeningHoursCheck | null = null;
  if (onsite) {
    openingHours = checkOpeningHours(facts.segments, facts.openingHours ?? contract.openingHours, {
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
          const amount = timeAmount(contract, labourHt * percent, 100);
          lines.push({
            kind: 'surcharge',
            label: `Majoration hors heures d’ouverture (+${percent} %)`,
            quantity: null,
            unitHtCents: null,
            timeMinutes: null,
            detail: `${percent} % × ${moneyText(labourHt)}${cite(articles.outsideHours)} = ${moneyText(amount.exactCents)}${amount.rounding}`,
            htCents: amount.htCents,
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
    const ht = exact(part.quantity * part.unitPriceCents);
    lines.push({
      kind: 'part',
      label: part.label,
      quantity: part.quantity,
      unitHtCents: part.unitPriceCents,
      timeMinutes: null,
      detail: `${part.quantity} × ${moneyText(part.unitPriceCents)}`,
      htCents: ht,
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
    const ht = exact(done.quantity * task.priceCents);
    lines.push({
      kind: 'flat-task',
      label: task.label,
      quantity: done.quantity,
      unitHtCents: task.priceCents,
      timeMinutes: null,
      detail: `${done.quantity} × forfait ${moneyText(task.priceCents)}${cite(articles.flatTasks)}`,
      htCents: ht,
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
    inclusion,
    complementaryMinutes,
    flags,
  };
}

/** A product of integers that must stay a safe integer (parts, travel, meals: never rounded). */
function exact(cents: number): number {
  assertSafe(cents);
  return cents;
}

function priceTravel(
  contract: Contract,
  facts: VisitFacts,
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
      timeMinutes: null,
      detail: null,
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
      timeMinutes: null,
      detail: `Site ${facts.sitePostcode} dans la zone du contrat${cite(contract.articles.travel)}`,
      htCents: 0,
    });
  } else {
    inZone = false;
    flag('outside-travel-zone', `Site hors zone (${facts.sitePostcode}) : déplacement facturé.`);
    if (travel.fee.kind === 'flat') {
      const flatFee = travel.fee.amountCents;
      lines.push({
        kind: 'travel',
        label: 'Déplacement (forfait)',
        quantity: 1,
        unitHtCents: travel.fee.amountCents,
        timeMinutes: null,
        detail: `Site ${facts.sitePostcode} hors zone${cite(contract.articles.travel)} : forfait ${moneyText(flatFee)}`,
        htCents: travel.fee.amountCents,
      });
    } else {
      const perKm = travel.fee.centsPerKm;
      lines.push({
        kind: 'travel',
        label: `Déplacement — ${facts.travelKm} km`,
        quantity: facts.travelKm,
        unitHtCents: travel.fee.centsPerKm,
        timeMinutes: null,
        detail: `Site ${facts.sitePostcode} hors zone${cite(contract.articles.travel)} : ${facts.travelKm} km × ${moneyText(perKm)}`,
        htCents: exact(facts.travelKm * travel.fee.centsPerKm),
      });
    }
  }

  const expensesDue = !inZone || !travel.expensesOutsideZoneOnly;
  if (facts.meals > 0 && expensesDue) {
    if (travel.mealCents === null)
      flag('meals-not-priced', 'Repas sans prix au contrat : non facturés.');
    else {
      const mealCents = travel.mealCents;
      lines.push({
        kind: 'meals',
        label: facts.meals === 1 ? 'Repas' : `Repas (${facts.meals})`,
        quantity: facts.meals,
        unitHtCents: travel.mealCents,
        timeMinutes: null,
        detail: `${facts.meals} × ${moneyText(mealCents)}${cite(contract.articles.travel)}`,
        htCents: exact(facts.meals * travel.mealCents),
      });
    }
  }
  if (facts.lodgingNights > 0 && expensesDue) {
    if (travel.lodgingNightCents === null) {
      flag('lodging-not-priced', 'Hébergement sans prix au contrat : non facturé.');
    } else {
      const nightCents = travel.lodgingNightCents;
      lines.push({
        kind: 'lodging',
        label:
          facts.lodgingNights === 1
            ? 'Hébergement — 1 nuit'
            : `Hébergement — ${facts.lodgingNights} nuits`,
        quantity: facts.lodgingNights,
        unitHtCents: travel.lodgingNightCents,
        timeMinutes: null,
        detail: `${facts.lodgingNights} × ${moneyText(nightCents)}${cite(contract.articles.travel)}`,
        htCents: exact(facts.lodgingNights * travel.lodgingNightCents),
      });
    }
  }
}
