import type { Contract } from '../billing/contract';
import type { VisitFacts } from '../billing/visit-facts';
import { roundHalfUpDiv } from '../billing/money';
import { priceVisitFacts } from '../billing/pricing';
import type { PricedVisit, PricedLine } from '../billing/pricing';
import type { VisitTimeline } from '../time/segments';
import { teamTimelines } from './team';
import type { TeamMember } from './team';

/** One other technician's time, through the contract's ladder on its own. */
export interface TeamMemberBilling {
  readonly member: TeamMember;
  readonly timeline: VisitTimeline;
  readonly billedMinutes: number;
  readonly stepLabel: string;
  /** Their time line (and out-of-hours surcharge), labelled with their name. */
  readonly lines: readonly PricedLine[];
}

/**
 * Each other technician's time priced like the visit's own, technician by technician (our
 * reading of 002 art. IV.2.2, docs/billing.md "Several technicians"): the time "consommée
 * … dûment constatée … au départ et en fin de prestation" is each one's, so each goes
 * through the ladder with its own minimum, flat prices, tolerance, opening hours and
 * rounding clause, and an included visit stays included for all. Travel, meals, nights,
 * parts, flat tasks and complementary work are the visit's, billed once with the first
 * technician; the hour bank is drawn by the first technician's time only.
 */
export function teamBilling(
  contract: Contract,
  facts: VisitFacts,
  team: readonly TeamMember[],
  now?: number,
): TeamMemberBilling[] {
  return teamTimelines(team, now)
    .filter(({ timeline }) => timeline.arrival !== null)
    .map(({ member, timeline }) => {
      const priced = priceVisitFacts(contract, {
        ...facts,
        workedMinutes: timeline.workedMinutes,
        startedAt: timeline.arrival!,
        segments: timeline.segments.map((s) => ({ start: s.start, end: s.end })),
        travelKm: 0,
        meals: 0,
        lodgingNights: 0,
        parts: [],
        flatTasks: [],
        complementary: [],
        hourBankBalanceMinutes: null,
      });
      return {
        member,
        timeline,
        billedMinutes: priced.billedMinutes,
        stepLabel: priced.stepLabel,
        lines: priced.lines
          .filter((l) => l.kind === 'labour' || l.kind === 'surcharge')
          .map((l) => ({ ...l, label: `${member.name} — ${l.label}` })),
      };
    });
}

/**
 * The visit's price with its other technicians' lines added after the first one's time
 * lines, HT, TVA (on the new HT total, half-up to the cent) and TTC recomputed. Without a
 * team the price is returned unchanged, so a visit by one technician bills as before.
 */
export function withTeamLines(
  contract: Contract,
  priced: PricedVisit,
  facts: VisitFacts,
  team: readonly TeamMember[] | undefined,
  now?: number,
): PricedVisit {
  if (team === undefined || team.length === 0) return priced;
  const extra = teamBilling(contract, facts, team, now).flatMap((b) => b.lines);
  if (extra.length === 0) return priced;
  const firstOther = priced.lines.findIndex((l) => l.kind !== 'labour' && l.kind !== 'surcharge');
  const at = firstOther === -1 ? priced.lines.length : firstOther;
  const lines = [...priced.lines.slice(0, at), ...extra, ...priced.lines.slice(at)];
  const totalHtCents = lines.reduce((t, l) => t + l.htCents, 0);
  const vatCents = roundHalfUpDiv(totalHtCents * priced.vatRateBasisPoints, 10_000);
  return { ...priced, lines, totalHtCents, vatCents, ttcCents: totalHtCents + vatCents };
}
