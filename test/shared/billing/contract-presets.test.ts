import { describe, expect, it } from 'vitest';
import {
  ageSurchargePercent,
  applyAgeSurcharge,
  contractPreset,
  contractSchema,
  contractWarnings,
  priceVisitFacts,
  slaClock,
} from '../../../shared/billing/index';
import type { ContractInput } from '../../../shared/billing/index';
import { onsite, paris, remote } from './fixtures';

const base = { id: 'c', clientId: 'k', reference: 'CT-1', startsOn: '2026-01-01' };

/** 002-like: ALLANCE "Infogérance PME", 65 €/h, zone 75/77/92/93/94/95, 0,45 €/km outside. */
const allanceLike = (over: Partial<ContractInput> = {}) =>
  contractSchema.parse({
    ...contractPreset('infogerance'),
    ...base,
    hourlyRateCents: 6500,
    travel: {
      ...contractPreset('infogerance').travel,
      fee: { kind: 'per-km', centsPerKm: 45 },
      mealCents: 1950,
    },
    ...over,
  });
/** 004-like: IMRI maintenance, 4 visits a year, 70 €/h, travel included. */
const imriLike = () =>
  contractSchema.parse({
    ...contractPreset('maintenance'),
    ...base,
    hourlyRateCents: 7000,
    coverage: { ...contractPreset('maintenance').coverage, perDeviceFeeCents: 3000 },
  });
/** 000/001-like: INFOREZ, time and materials, 80 €/h, 35 € flat travel. */
const inforezLike = () =>
  contractSchema.parse({
    ...contractPreset('regie'),
    ...base,
    hourlyRateCents: 8000,
    travel: { fee: { kind: 'flat', amountCents: 3500 } },
  });

describe('preset 002-like (infogérance + prestations complémentaires)', () => {
  it('002 art. IV.2.2: 2 h 45 on site → half-day 3 h 30 × 65 € = 227,50 € → 228 € HT', () => {
    const p = priceVisitFacts(allanceLike(), onsite(165));
    expect(p.totalHtCents).toBe(22800);
  });
  it('002 art. IV.2.2: remote 31 min → 2 half-hours = 65 € HT', () => {
    expect(priceVisitFacts(allanceLike(), remote(31)).totalHtCents).toBe(6500);
  });
  it('002 art. III-1 §6: an incident on covered equipment is 0 € whatever its length', () => {
    const p = priceVisitFacts(allanceLike(), onsite(400, { includedInSubscription: true }));
    expect(p.totalHtCents).toBe(0);
  });
  it('002 art. IV.2.2: Lyon (69) is outside the zone: travel per km and meal, exact to the cent', () => {
    const p = priceVisitFacts(
      allanceLike(),
      onsite(165, { sitePostcode: '69003', travelKm: 463, meals: 1 }),
    );
    expect(p.lines.map((l) => [l.kind, l.htCents])).toEqual([
      ['labour', 22800],
      ['travel', 20835],
      ['meals', 1950],
    ]);
  });
  it('the preset’s own warning: the out-of-zone travel price is for the office to set', () => {
    const c = contractSchema.parse({
      ...contractPreset('infogerance'),
      ...base,
      hourlyRateCents: 6500,
    });
    expect(contractWarnings(c).map((w) => w.field)).toContain('travel.fee');
  });
});

describe('preset 004-like (maintenance: visits, SLA, age surcharge)', () => {
  it('004 art. V–VI: four planned visits a year included, the fifth billed and flagged', () => {
    const c = imriLike();
    const planned = (earlier: number) =>
      priceVisitFacts(
        c,
        onsite(150, {
          includedInSubscription: true,
          purpose: 'planned-visit',
          plannedVisitsEarlierThisYear: earlier,
        }),
      );
    expect(planned(3).totalHtCents).toBe(0);
    // 2 h 30 → 3 h 30 × 70 € = 245 €, no rounding clause.
    expect(planned(4).totalHtCents).toBe(24500);
    expect(planned(4).flags.map((f) => f.code)).toContain('beyond-quota');
  });
  it('004 art. XI: travel included, even in Lyon', () => {
    const p = priceVisitFacts(imriLike(), onsite(60, { sitePostcode: '69003', travelKm: 463 }));
    expect(p.lines.find((l) => l.kind === 'travel')?.htCents).toBe(0);
  });
  it('004 art. VI: a server down on Monday 9:00 is due 4 working hours later, at 14:30', () => {
    const requestedAt = paris('2026-11-23', '09:00');
    const sla = slaClock(
      imriLike(),
      { requestedAt, slaClass: 'server-network', siteHours: null },
      paris('2026-11-23', '14:00'),
    );
    // The contract's fallback hours are 9:00–18:00: 4 h → 13:00.
    expect(sla.deadline).toBe(paris('2026-11-23', '13:00'));
    expect(sla.met).toBe(false);
    const siteHours = {
      monday: [
        { from: '09:00', to: '12:30' },
        { from: '14:00', to: '18:00' },
      ],
      tuesday: [],
      wednesday: [],
      thursday: [],
      friday: [],
      saturday: [],
      sunday: [],
    };
    const bySite = slaClock(
      imriLike(),
      { requestedAt, slaClass: 'server-network', siteHours },
      paris('2026-11-23', '14:00'),
    );
    expect(bySite.deadline).toBe(paris('2026-11-23', '14:30'));
    expect(bySite.met).toBe(true);
  });
  it('004 art. XI: a workstation bought 4 years and a day ago bears +20 % on its 30 € fee', () => {
    const percent = ageSurchargePercent('2022-11-22', '2026-11-23');
    expect(percent).toBe(20);
    expect(applyAgeSurcharge(imriLike().coverage.perDeviceFeeCents!, percent)).toBe(3600);
  });
});

describe('preset 000/001-like (time and materials)', () => {
  it('000 art. 6: every visit billed, travel billed apart, no rounding up', () => {
    const p = priceVisitFacts(
      inforezLike(),
      onsite(125, { includedInSubscription: true, sitePostcode: '75011' }),
    );
    // 2 h 05 → 3 h 30 × 80 € = 280 €, travel 35 €.
    expect(p.lines.map((l) => [l.kind, l.htCents])).toEqual([
      ['labour', 28000],
      ['travel', 3500],
    ]);
    expect(p.inclusion.included).toBe(false);
  });
});
