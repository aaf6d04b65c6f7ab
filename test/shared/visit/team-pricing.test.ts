import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractPreset, priceVisitFacts } from '../../../shared/billing/index';
import { addTeamMember, tapTeamMember } from '../../../shared/visit/team';
import type { TeamMember } from '../../../shared/visit/team';
import { teamBilling, withTeamLines } from '../../../shared/visit/team-pricing';
import { allance, onsite, paris } from '../billing/fixtures';

/** A second technician on site on `date` from `from` for `minutes`, no pause. */
function second(minutes: number, from = '10:00', date = '2026-11-23'): TeamMember[] {
  const start = paris(date, from);
  let team = addTeamMember([], { id: 'm1', name: 'Sophie Martin' }, 'Jean Dupont');
  team = tapTeamMember(team, 'm1', { eventId: 'a', action: 'start', at: start });
  return tapTeamMember(team, 'm1', { eventId: 'b', action: 'stop', at: start + minutes * 60_000 });
}

const imri = () =>
  allance({ ...contractPreset('maintenance'), hourlyRateCents: 7000, travel: undefined });

describe('several technicians: each one’s time through the contract’s ladder (our reading of 002 art. IV.2.2)', () => {
  const cases = [
    // [contract, second technician's minutes, billed minutes, HT cents, why]
    ['002 art. IV.2.2', allance, 90, 120, 13000, 'Forfait 2 h × 65 €'],
    [
      '002 art. IV.2.2',
      allance,
      165,
      210,
      22800,
      'demi-journée 227,50 € → 228 € (rounding clause)',
    ],
    ['002 art. IV.2.2', allance, 211, 420, 45500, 'journée 7 h × 65 €'],
    ['004 art. XI', imri, 130, 210, 24500, 'demi-journée 3 h 30 × 70 €, no rounding'],
    ['004 art. XI', imri, 121, 210, 24500, 'strictly beyond 2 h'],
  ] as const;
  it.each(cases)(
    '%s: %i min worked by the second → %i min billed, %i cents (%s)',
    (_article, contract, worked, billed, ht) => {
      const [b] = teamBilling(
        contract(),
        onsite(60, { includedInSubscription: false }),
        second(worked),
      );
      expect(b!.billedMinutes).toBe(billed);
      expect(b!.lines.map((l) => l.htCents).reduce((x, y) => x + y, 0)).toBe(ht);
      expect(b!.lines[0]!.label).toMatch(/^Sophie Martin — /);
    },
  );

  it('002 art. IV.2.2: lead 2 h 45 and second 1 h 30 → 228 € + 130 €; TVA on the new total; travel once', () => {
    const contract = allance();
    const facts = onsite(165, { sitePostcode: '69003', travelKm: 463 });
    const lead = priceVisitFacts(contract, facts);
    const both = withTeamLines(contract, lead, facts, second(90));
    const labour = both.lines.filter((l) => l.kind === 'labour');
    expect(labour.map((l) => l.htCents)).toEqual([22800, 13000]);
    expect(both.lines.filter((l) => l.kind === 'travel')).toHaveLength(1);
    expect(both.totalHtCents).toBe(lead.totalHtCents + 13000);
    expect(both.vatCents).toBe(Math.round((both.totalHtCents * 2000) / 10_000));
    expect(both.ttcCents).toBe(both.totalHtCents + both.vatCents);
    // Without a team, the price is unchanged.
    expect(withTeamLines(contract, lead, facts, undefined)).toBe(lead);
    expect(withTeamLines(contract, lead, facts, [])).toBe(lead);
  });

  it('002 art. III-1 §6: an incident included for the first technician is included for the second', () => {
    const contract = allance();
    const facts = onsite(165, {
      includedInSubscription: true,
      purpose: 'incident',
      equipmentCovered: true,
    });
    const both = withTeamLines(contract, priceVisitFacts(contract, facts), facts, second(90));
    expect(both.totalHtCents).toBe(0);
  });

  it('a second technician who has not arrived bills nothing', () => {
    const team = addTeamMember([], { id: 'm1', name: 'Sophie Martin' }, 'Jean Dupont');
    expect(teamBilling(allance(), onsite(60), team)).toEqual([]);
  });

  it('property: per technician, billed ≥ worked and every amount in integer cents', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 600 }),
        fc.boolean(),
        (lead, other, rounding) => {
          const contract = allance({ roundTimeUpToEuro: rounding });
          const facts = onsite(lead);
          const [b] = teamBilling(contract, facts, second(other, '08:00'));
          expect(b!.billedMinutes).toBeGreaterThanOrEqual(other);
          const both = withTeamLines(
            contract,
            priceVisitFacts(contract, facts),
            facts,
            second(other, '08:00'),
          );
          for (const l of both.lines) expect(Number.isSafeInteger(l.htCents)).toBe(true);
          expect(Number.isSafeInteger(both.vatCents)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
