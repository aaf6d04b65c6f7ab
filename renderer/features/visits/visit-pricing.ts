import { localDateOf } from '../../../shared/calendar/local-date';
import type { Contract } from '../../../shared/billing/contract';
import { hourBankBalanceBefore } from '../../../shared/billing/hour-bank';
import type { BankDraw } from '../../../shared/billing/hour-bank';
import { interventionFactsSchema } from '../../../shared/billing/intervention';
import { billableMinutes } from '../../../shared/billing/ladder';
import { priceIntervention } from '../../../shared/billing/pricing';
import type { PricedIntervention } from '../../../shared/billing/pricing';
import type { TimerError } from '../../../shared/time/errors';
import { visitTimeline } from '../../../shared/time/segments';
import type { VisitTimeline } from '../../../shared/time/segments';
import type { VisitRecord } from './visit-record';

/**
 * The billing engine's view of a visit: its timeline from the timer events, its facts, and
 * its price under the contract. Pure: the clock and every record come in as arguments.
 */

export interface VisitPricingInput {
  readonly visit: VisitRecord;
  readonly contract: Contract;
  readonly now: number;
  readonly sitePostcode: string | null;
  /** False when one of the equipment worked on is not on the contract's annex. */
  readonly equipmentCovered: boolean;
  /** The contract's other visits, for the hour bank's balance. */
  readonly otherVisits: readonly VisitRecord[];
  /** Ids of the client's equipment covered by the contract (decides which visits are included). */
  readonly coveredEquipmentIds?: ReadonlySet<string>;
}

export interface VisitPricing {
  readonly timeline: VisitTimeline;
  readonly priced: PricedIntervention;
}

/**
 * Flat-fee tasks picked from the office catalogue but missing from the contract's own list
 * are priced at the catalogue's price; the contract's price wins for those it lists.
 */
export function contractWithVisitTasks(contract: Contract, visit: VisitRecord): Contract {
  const known = new Set(contract.flatTasks.map((t) => t.code));
  const extra = visit.work.flatTasks
    .filter((t) => !known.has(t.code))
    .map((t) => ({ code: t.code, label: t.label, priceCents: t.unitPriceCents }));
  return extra.length === 0
    ? contract
    : { ...contract, flatTasks: [...contract.flatTasks, ...extra] };
}

/**
 * Billed minutes of the contract's finished visits that draw on its hour bank. A visit is
 * left out only when the pricing engine treats it as included (shared/billing/pricing.ts:
 * marked included in the subscription AND every equipment worked on covered); otherwise its
 * own report deducted it from the bank, and the balance must count it too.
 */
export function hourBankDraws(
  contract: Contract,
  visits: readonly VisitRecord[],
  coveredEquipmentIds?: ReadonlySet<string>,
): BankDraw[] {
  const draws: BankDraw[] = [];
  for (const v of visits) {
    const included =
      v.header.includedInSubscription &&
      (coveredEquipmentIds === undefined ||
        v.work.equipment.every((e) => coveredEquipmentIds.has(e.equipmentId)));
    if (v.contractId !== contract.id || included || v.status === 'in-progress') continue;
    const timeline = safeTimeline(v, undefined);
    if (!timeline || timeline.arrival === null) continue;
    draws.push({
      id: v.id,
      at: timeline.arrival,
      billedMinutes: billableMinutes(v.header.mode, timeline.workedMinutes, {
        toleranceMinutes: contract.toleranceMinutes,
      }),
    });
  }
  return draws;
}

function safeTimeline(visit: VisitRecord, now: number | undefined): VisitTimeline | null {
  try {
    return visitTimeline(visit.events, now);
  } catch (error) {
    if ((error as TimerError).name === 'TimerError') return null;
    throw error;
  }
}

export function priceVisit(input: VisitPricingInput): VisitPricing {
  const { visit, now } = input;
  const timeline = visitTimeline(visit.events, visit.status === 'in-progress' ? now : undefined);
  const contract = contractWithVisitTasks(input.contract, visit);
  const startedAt = timeline.arrival ?? now;
  const balance =
    contract.hourBank === null
      ? null
      : hourBankBalanceBefore(
          contract.hourBank,
          hourBankDraws(contract, input.otherVisits, input.coveredEquipmentIds),
          {
            id: visit.id,
            at: startedAt,
          },
        );
  const facts = interventionFactsSchema.parse({
    mode: visit.header.mode,
    workedMinutes: timeline.workedMinutes,
    startedAt,
    segments: timeline.segments.map((s) => ({ start: s.start, end: s.end })),
    sitePostcode: visit.header.mode === 'onsite' ? input.sitePostcode : null,
    travelKm: visit.work.travelKm,
    meals: visit.work.meals,
    lodgingNights: visit.work.lodgingNights,
    parts: visit.work.parts.map((p) => ({
      label: p.label,
      quantity: p.quantity,
      unitPriceCents: p.unitPriceCents,
    })),
    flatTasks: visit.work.flatTasks.map((t) => ({ code: t.code, quantity: t.quantity })),
    includedInSubscription: visit.header.includedInSubscription,
    equipmentCovered: input.equipmentCovered,
    hourBankBalanceMinutes: balance,
  });
  return { timeline, priced: priceIntervention(contract, facts) };
}

/** Visits of the contract included in the subscription, earlier in the same calendar year (Paris). */
export function subscriptionVisitsEarlier(visits: readonly VisitRecord[], at: number): number {
  const year = localDateOf(at).slice(0, 4);
  let count = 0;
  for (const v of visits) {
    if (!v.header.includedInSubscription || v.status === 'in-progress') continue;
    const timeline = safeTimeline(v, undefined);
    if (
      timeline?.arrival != null &&
      timeline.arrival < at &&
      localDateOf(timeline.arrival).slice(0, 4) === year
    )
      count += 1;
  }
  return count;
}
