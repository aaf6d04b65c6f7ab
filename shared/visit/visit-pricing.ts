import { localDateOf } from '../calendar/local-date';
import type { Contract } from '../billing/contract';
import { hourBankBalanceBefore } from '../billing/hour-bank';
import type { BankDraw } from '../billing/hour-bank';
import { visitFactsSchema } from '../billing/visit-facts';
import { priceVisitFacts, timeToBill } from '../billing/pricing';
import { quoteFlatPrice } from '../billing/quote';
import type { WeeklySchedule } from '../calendar/weekly-schedule';
import type { Site } from '../inventory/site';
import type { PricedVisit } from '../billing/pricing';
import type { TimerError } from '../time/errors';
import { visitTimeline } from '../time/segments';
import type { VisitTimeline } from '../time/segments';
import { teamBilling, withTeamLines } from './team-pricing';
import type { TeamMemberBilling } from './team-pricing';
import {
  mainEquipmentCovered,
  purposeOf,
  visitCountsAgainstQuota,
  visitUnderSubscription,
} from './visit-inclusion';
import type { VisitRecord } from './visit-record';

/**
 * The billing engine's view of a visit: its timeline from the timer events, its facts, and
 * its price under the contract. Pure: the clock and every record come in as arguments.
 */

/**
 * What pricing a visit needs, as the screens and the signature hold it: the visit, its
 * contract and site, the client's inventory and the contract's other visits.
 */
export interface VisitPricingSources {
  readonly visit: VisitRecord;
  readonly contract: Contract;
  readonly site: Pick<Site, 'postcode' | 'openingHours'> | undefined;
  /** The client's whole inventory: which equipment the contract covers. */
  readonly equipment: readonly { readonly id: string; readonly covered: boolean }[];
  readonly otherVisits: readonly VisitRecord[];
}

/**
 * The pricing input, assembled in one place for the timer's live preview, the signature's
 * summary and the sealed report alike (they used to each assemble it).
 */
export function visitPricingInput(sources: VisitPricingSources, now: number): VisitPricingInput {
  const { visit, site } = sources;
  const coveredEquipmentIds = new Set(sources.equipment.filter((e) => e.covered).map((e) => e.id));
  return {
    visit,
    contract: sources.contract,
    now,
    sitePostcode: site?.postcode ?? null,
    equipmentCovered: mainEquipmentCovered(visit, coveredEquipmentIds),
    otherVisits: sources.otherVisits,
    coveredEquipmentIds,
    siteOpeningHours: site?.openingHours ?? null,
  };
}

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
  /** The site's opening hours, which pricing uses (the contract's are the fallback). */
  readonly siteOpeningHours?: WeeklySchedule | null;
}

export interface VisitPricing {
  readonly timeline: VisitTimeline;
  readonly priced: PricedVisit;
  /** The other technicians' time, each through the ladder (shared/visit/team-pricing.ts). */
  readonly team: readonly TeamMemberBilling[];
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
 * The complementary work as the engine reads it: a quote is accepted when the visit holds
 * it signed and sealed; its flat price, if any, is the work's price.
 */
function complementaryFacts(visit: VisitRecord) {
  return visit.work.complementary.map((c) => {
    const quote = visit.quotes.find((q) => q.content.number === c.quoteNumber);
    return {
      label: c.label,
      workedMinutes: c.workedMinutes,
      quote:
        c.quoteNumber === ''
          ? null
          : {
              number: c.quoteNumber,
              accepted: quote !== undefined,
              flatPriceCents: quote ? quoteFlatPrice(quote) : null,
            },
    };
  });
}

/**
 * Planned visits of the contract under the subscription, earlier in the same calendar year
 * (Paris), finished: the quota counts these only, never incidents (004 art. V last §).
 */
export function plannedVisitsEarlier(
  contract: Contract,
  visits: readonly VisitRecord[],
  at: number,
): number {
  const year = localDateOf(at).slice(0, 4);
  let count = 0;
  for (const v of visits) {
    if (v.contractId !== contract.id || v.status === 'in-progress') continue;
    if (!visitCountsAgainstQuota(v, contract)) continue;
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

/**
 * Billed minutes of the contract's finished visits that draw on its hour bank, decided by
 * the same rule as their own price (`timeToBill`): an included visit draws only its
 * complementary time, any other its whole billed time.
 */
export function hourBankDraws(
  contract: Contract,
  visits: readonly VisitRecord[],
  coveredEquipmentIds?: ReadonlySet<string>,
): BankDraw[] {
  const draws: BankDraw[] = [];
  for (const v of visits) {
    if (v.contractId !== contract.id || v.status === 'in-progress') continue;
    const timeline = safeTimeline(v, undefined);
    if (!timeline || timeline.arrival === null) continue;
    const parsed = visitFactsSchema.safeParse({
      mode: v.header.mode,
      workedMinutes: timeline.workedMinutes,
      startedAt: timeline.arrival,
      includedInSubscription: visitUnderSubscription(v, contract),
      purpose: purposeOf(v.header.type),
      plannedVisitsEarlierThisYear: plannedVisitsEarlier(contract, visits, timeline.arrival),
      equipmentCovered:
        coveredEquipmentIds === undefined ? true : mainEquipmentCovered(v, coveredEquipmentIds),
      complementary: complementaryFacts(v),
    });
    // A visit whose facts no longer parse was refused at signing; it drew nothing.
    if (!parsed.success) continue;
    const { step } = timeToBill(contract, parsed.data);
    if (step.billedMinutes > 0)
      draws.push({ id: v.id, at: timeline.arrival, billedMinutes: step.billedMinutes });
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
  const facts = visitFactsSchema.parse({
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
    includedInSubscription: visitUnderSubscription(visit, contract),
    purpose: purposeOf(visit.header.type),
    plannedVisitsEarlierThisYear: plannedVisitsEarlier(
      input.contract,
      input.otherVisits.filter((v) => v.id !== visit.id),
      startedAt,
    ),
    equipmentCovered:
      input.coveredEquipmentIds === undefined
        ? input.equipmentCovered
        : mainEquipmentCovered(visit, input.coveredEquipmentIds),
    complementary: complementaryFacts(visit),
    openingHours: input.siteOpeningHours ?? null,
    hourBankBalanceMinutes: balance,
  });
  const team = teamBilling(contract, facts, visit.team ?? [], now);
  return {
    timeline,
    priced: withTeamLines(contract, priceVisitFacts(contract, facts), facts, visit.team, now),
    team,
  };
}
