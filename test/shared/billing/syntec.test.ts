import { describe, expect, it } from 'vitest';
import {
  SyntecError,
  applySyntecRevision,
  contractSchema,
  contractWarnings,
  nextSyntecRevisionOn,
  syntecRevisionRounded,
} from '../../../shared/billing/index';
import type { ContractInput } from '../../../shared/billing/index';

const contract = (over: Partial<ContractInput> = {}) =>
  contractSchema.parse({
    id: 'c',
    clientId: 'k',
    reference: 'CT-1',
    startsOn: '2025-03-15',
    hourlyRateCents: 6500,
    coverage: { subscriptionPriceCents: 45000 },
    ...over,
  });

describe('SYNTEC revision per contract (domain-rules §4)', () => {
  it('002 art. IV.2.3: the subscription price, at the anniversary, chained, rounded up to the euro', () => {
    const c = contract({
      syntec: { index: '300', revisedOn: '2025-03-15', rounding: 'euro-up' },
    });
    expect(nextSyntecRevisionOn(c.startsOn, c.syntec!)).toBe('2026-03-15');
    const revised = applySyntecRevision(c, { on: '2026-03-15', index: '306' });
    // 450 × 306/300 = 459,00 exactly; the rate is not touched.
    expect(revised.coverage.subscriptionPriceCents).toBe(45900);
    expect(revised.hourlyRateCents).toBe(6500);
    expect(revised.syntec).toMatchObject({ index: '306', revisedOn: '2026-03-15' });
    // Chained: the next one starts from 459 € and S0 = 306.
    const again = applySyntecRevision(revised, { on: '2027-03-15', index: '310,1' });
    // 459 × 310.1/306 = 465,15 → 466 €.
    expect(again.coverage.subscriptionPriceCents).toBe(46600);
    expect(again.syntec!.history).toEqual([
      {
        on: '2026-03-15',
        s0: '300',
        s1: '306',
        fromCents: 45000,
        toCents: 45900,
        indexMonth: null,
      },
      {
        on: '2027-03-15',
        s0: '306',
        s1: '310,1',
        fromCents: 45900,
        toCents: 46600,
        indexMonth: null,
      },
    ]);
  });

  it('004 art. XI: every 1 January, half-up to the cent', () => {
    const c = contract({
      syntec: { index: '300', revisedOn: '2025-03-15', when: 'january-1' },
    });
    expect(nextSyntecRevisionOn(c.startsOn, c.syntec!)).toBe('2026-01-01');
    const revised = applySyntecRevision(c, { on: '2026-01-01', index: '303,3' });
    // 450 × 303.3/300 = 454,95.
    expect(revised.coverage.subscriptionPriceCents).toBe(45495);
  });

  it('003 art. 2.2: fixed base, P0 and S0 of the signature each time', () => {
    const c = contract({
      syntec: {
        index: '300',
        revisedOn: '2025-03-15',
        base: 'initial',
        initialIndex: '300',
        initialPriceCents: 45000,
      },
    });
    const first = applySyntecRevision(c, { on: '2026-03-15', index: '306' });
    const second = applySyntecRevision(first, { on: '2027-03-15', index: '312' });
    // 450 × 312/300 = 468 €, from the initial price, not 459 × 312/300.
    expect(second.coverage.subscriptionPriceCents).toBe(46800);
    expect(second.syntec!.index).toBe('300');
  });

  it('a contract revising its rates revises every time price together', () => {
    const c = contract({
      halfDayPriceCents: 20000,
      syntec: { index: '300', revisedOn: '2025-03-15', target: 'rates' },
    });
    const revised = applySyntecRevision(c, { on: '2026-03-15', index: '303' });
    expect(revised.hourlyRateCents).toBe(6565);
    expect(revised.halfDayPriceCents).toBe(20200);
    expect(revised.coverage.subscriptionPriceCents).toBe(45000);
  });

  it('refuses a revision before its date, in French', () => {
    const c = contract({ syntec: { index: '300', revisedOn: '2025-03-15' } });
    expect(() => applySyntecRevision(c, { on: '2026-03-14', index: '306' })).toThrow(
      'Prochaine révision SYNTEC au 2026-03-15',
    );
    expect(() => applySyntecRevision(contract(), { on: '2026-03-15', index: '306' })).toThrow(
      SyntecError,
    );
  });

  it('rounds up to the euro only under the clause', () => {
    expect(syntecRevisionRounded(10001, '100', '100', 'euro-up')).toBe(10100);
    expect(syntecRevisionRounded(10001, '100', '100', 'cent')).toBe(10001);
  });
});

describe('contractWarnings: consistency checks in plain French', () => {
  it.each([
    [
      'a travel zone while travel is included',
      { travel: { zone: { departements: ['75'] }, fee: { kind: 'included' } } },
      'travel.fee',
    ],
    ['a half-day price below 2 h × the rate', { halfDayPriceCents: 10000 }, 'halfDayPriceCents'],
    ['a quota of zero visits', { subscriptionVisitsPerYear: 0 }, 'subscriptionVisitsPerYear'],
    [
      'a quota on a contract without subscription',
      { subscriptionVisitsPerYear: 4, coverage: { incidentsIncluded: false } },
      'subscriptionVisitsPerYear',
    ],
    [
      'SYNTEC on a subscription without price',
      { coverage: {}, syntec: { index: '300', revisedOn: '2025-03-15' } },
      'syntec',
    ],
  ] as const)('%s', (_name, over, field) => {
    const warnings = contractWarnings(contract(over as Partial<ContractInput>));
    expect(warnings.map((w) => w.field)).toContain(field);
    for (const w of warnings) expect(w.message).toMatch(/^[A-ZÀ-Ü]/);
  });

  it('a consistent contract has none', () => {
    expect(contractWarnings(contract())).toEqual([]);
  });
});
