import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billableMinutes, priceVisitFacts } from '../../../shared/billing/index';
import { allance, onsite, remote } from './fixtures';

const cents = fc.integer({ min: 0, max: 500_000 });
const factsArb = fc.record({
  mode: fc.constantFrom('onsite', 'remote'),
  worked: fc.integer({ min: 0, max: 3_000 }),
  postcode: fc.constantFrom('75011', '92100', '69003', '2A004'.replace('A', '0'), '97100'),
  km: fc.integer({ min: 0, max: 1_000 }),
  meals: fc.integer({ min: 0, max: 5 }),
  nights: fc.integer({ min: 0, max: 5 }),
  parts: fc.array(
    fc.record({
      label: fc.constant('Pièce'),
      quantity: fc.integer({ min: 1, max: 20 }),
      unitPriceCents: cents,
    }),
    {
      maxLength: 4,
    },
  ),
  included: fc.boolean(),
  covered: fc.boolean(),
  offsetMinutes: fc.integer({ min: 0, max: 60 * 24 * 14 }),
});
const contractArb = fc.record({
  hourlyRateCents: cents,
  remoteHourlyRateCents: fc.option(cents, { nil: null }),
  halfDayPriceCents: fc.option(cents, { nil: null }),
  dayPriceCents: fc.option(cents, { nil: null }),
  outsideHoursSurchargePercent: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
  vat: fc.constantFrom(0, 210, 550, 1000, 2000),
  round: fc.boolean(),
});
const TIME_KINDS = new Set(['labour', 'surcharge']);

describe('pricing properties', () => {
  it('amounts are integer cents, time lines whole euros only under the clause (002 art. IV.2.2), TTC = HT + VAT with VAT rounded half-up', () => {
    fc.assert(
      fc.property(contractArb, factsArb, (c, f) => {
        const contract = allance({
          hourlyRateCents: c.hourlyRateCents,
          remoteHourlyRateCents: c.remoteHourlyRateCents,
          halfDayPriceCents: c.halfDayPriceCents,
          dayPriceCents: c.dayPriceCents,
          outsideHoursSurchargePercent: c.outsideHoursSurchargePercent,
          vatRates: [{ from: '2014-01-01', basisPoints: c.vat }],
          roundTimeUpToEuro: c.round,
        });
        const base = Date.UTC(2026, 10, 20) + f.offsetMinutes * 60_000;
        const common = {
          travelKm: f.km,
          meals: f.meals,
          lodgingNights: f.nights,
          parts: f.parts,
          includedInSubscription: f.included,
          equipmentCovered: f.covered,
          startedAt: base,
        };
        const facts =
          f.mode === 'onsite'
            ? onsite(f.worked, {
                ...common,
                sitePostcode: f.postcode,
                segments: [{ start: base, end: base + f.worked * 60_000 }],
              })
            : remote(f.worked, common);
        const p = priceVisitFacts(contract, facts);
        for (const l of p.lines) {
          expect(Number.isSafeInteger(l.htCents)).toBe(true);
          if (c.round && TIME_KINDS.has(l.kind)) expect(l.htCents % 100).toBe(0);
          if (l.kind === 'part' || l.kind === 'meals' || l.kind === 'lodging')
            expect(l.htCents).toBe(l.quantity! * l.unitHtCents!);
          expect(l.htCents).toBeGreaterThanOrEqual(0);
        }
        expect(p.totalHtCents).toBe(p.lines.reduce((sum, l) => sum + l.htCents, 0));
        expect(Number.isSafeInteger(p.vatCents)).toBe(true);
        // Half-up: |VAT − exact| ≤ 0.5 cent, and exactly .5 goes up.
        const exactTimes10000 = p.totalHtCents * c.vat;
        expect(Math.abs(p.vatCents * 10_000 - exactTimes10000)).toBeLessThanOrEqual(5_000);
        if (p.vatCents * 10_000 - exactTimes10000 === -5_000)
          expect.unreachable('half rounded down');
        expect(p.ttcCents).toBe(p.totalHtCents + p.vatCents);
        expect(p.billedMinutes).toBe(p.inclusion.included ? 0 : billableMinutes(f.mode, f.worked));
      }),
      { numRuns: 300 },
    );
  });

  it('the time line never costs less than the billed time at the hourly rate (no flat prices)', () => {
    fc.assert(
      fc.property(cents, fc.integer({ min: 0, max: 3_000 }), (rate, worked) => {
        const p = priceVisitFacts(allance({ hourlyRateCents: rate }), onsite(worked));
        const labour = p.lines.find((l) => l.kind === 'labour')!.htCents;
        expect(labour * 60).toBeGreaterThanOrEqual(rate * p.billedMinutes);
        expect(labour * 60 - rate * p.billedMinutes).toBeLessThan(100 * 60);
      }),
    );
  });

  it('complementary time recorded apart in an included incident: billed ≥ worked, integer cents (002 art. III-1 §6, III.2)', () => {
    fc.assert(
      fc.property(
        cents,
        fc.boolean(),
        fc.integer({ min: 0, max: 600 }),
        fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 3 }),
        (rate, round, main, apart) => {
          const worked = main + apart.reduce((a, b) => a + b, 0);
          const p = priceVisitFacts(
            allance({ hourlyRateCents: rate, roundTimeUpToEuro: round }),
            onsite(worked, {
              includedInSubscription: true,
              complementary: apart.map((m, i) => ({ label: `Travail ${i}`, workedMinutes: m })),
            }),
          );
          const complementary = apart.reduce((a, b) => a + b, 0);
          expect(p.inclusion.included).toBe(true);
          expect(p.billedMinutes).toBeGreaterThanOrEqual(complementary);
          expect(p.billedMinutes).toBe(billableMinutes('onsite', complementary));
          const labour = p.lines
            .filter((l) => l.kind === 'labour')
            .reduce((t, l) => t + l.htCents, 0);
          expect(Number.isSafeInteger(labour)).toBe(true);
          expect(labour * 60).toBeGreaterThanOrEqual(rate * complementary - 30);
          if (complementary === 0) expect(p.totalHtCents).toBe(0);
        },
      ),
    );
  });
});
