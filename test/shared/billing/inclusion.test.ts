import { describe, expect, it } from 'vitest';
import { contractPreset, isIncluded, priceVisitFacts } from '../../../shared/billing/index';
import type { InclusionInput } from '../../../shared/billing/index';
import { NBSP } from '../../../shared/format/index';
import { allance, onsite } from './fixtures';

const visit = (over: Partial<InclusionInput> = {}): InclusionInput => ({
  underSubscription: true,
  purpose: 'incident',
  equipmentCovered: true,
  plannedVisitsEarlierThisYear: 0,
  ...over,
});
const imri = (perYear = 4) =>
  allance({ ...contractPreset('maintenance'), subscriptionVisitsPerYear: perYear });
const codes = (p: ReturnType<typeof priceVisitFacts>) => p.flags.map((f) => f.code);

describe('isIncluded — the one inclusion rule (domain-rules §3)', () => {
  it.each([
    ['002 art. III-1 §6: an incident on covered equipment is included', visit(), true, 'incident'],
    [
      '002 art. III: an incident on equipment off the annex is not',
      visit({ equipmentCovered: false }),
      false,
      'equipment-not-covered',
    ],
    [
      '004 art. V: a planned visit within the quota is included',
      visit({ purpose: 'planned-visit', plannedVisitsEarlierThisYear: 3 }),
      true,
      'planned-visit',
    ],
    [
      '004 art. V last §: the 5th planned visit of 4 is beyond the quota, billed by default',
      visit({ purpose: 'planned-visit', plannedVisitsEarlierThisYear: 4 }),
      false,
      'beyond-quota',
    ],
    [
      '004 art. VIII: installation work is never included',
      visit({ purpose: 'other' }),
      false,
      'not-included-work',
    ],
    [
      'a visit not recorded under the subscription is billed',
      visit({ underSubscription: false }),
      false,
      'not-under-subscription',
    ],
  ])('%s', (_name, input, included, reason) => {
    const result = isIncluded(imri(), input);
    expect(result.included).toBe(included);
    expect(result.reason).toBe(reason);
  });

  it('004 art. V last §: incidents never count against the quota, however many', () => {
    const result = isIncluded(imri(4), visit({ plannedVisitsEarlierThisYear: 40 }));
    expect(result).toMatchObject({
      included: true,
      countsAgainstQuota: false,
      beyondQuota: false,
      rank: null,
    });
  });

  it('004 art. V: a contract may include visits beyond the quota, still flagged', () => {
    const c = allance({
      ...contractPreset('maintenance'),
      subscriptionVisitsPerYear: 2,
      coverage: { beyondQuota: 'include' },
    });
    const p = priceVisitFacts(
      c,
      onsite(90, {
        includedInSubscription: true,
        purpose: 'planned-visit',
        plannedVisitsEarlierThisYear: 2,
      }),
    );
    expect(p.inclusion).toMatchObject({ included: true, beyondQuota: true, rank: 3 });
    expect(codes(p)).toContain('beyond-quota');
    expect(p.totalHtCents).toBe(0);
  });

  it('000 art. 6: a time-and-materials contract includes no incident', () => {
    const c = allance(contractPreset('regie'));
    expect(isIncluded(c, visit()).included).toBe(false);
    const p = priceVisitFacts(c, onsite(60, { includedInSubscription: true, sitePostcode: null }));
    expect(p.totalHtCents).toBe(13000);
    expect(codes(p)).toContain('not-included');
  });
});

describe('fixed readings that change amounts', () => {
  it('002 art. III-1 §6: an incident touching one uncovered device stays included; only the complementary time recorded apart is billed, through the ladder', () => {
    // 3 h on site: 2 h 15 on the covered server (incident), 45 min on an uncovered printer.
    const p = priceVisitFacts(
      allance(),
      onsite(180, {
        includedInSubscription: true,
        complementary: [
          {
            label: 'Imprimante hors contrat',
            workedMinutes: 45,
            quote: { number: 'DV-TEC1-2026-0001', accepted: true },
          },
        ],
      }),
    );
    expect(p.inclusion.included).toBe(true);
    expect(p.complementaryMinutes).toBe(45);
    // 45 min → 2 h step → 130 € (not 3 h → half-day 228 € for the whole visit).
    expect(p.billedMinutes).toBe(120);
    expect(p.lines.filter((l) => l.kind === 'labour')).toEqual([
      expect.objectContaining({
        htCents: 0,
        label: `Intervention sur site — 2${NBSP}h${NBSP}15 — incident inclus dans l’abonnement (002 art. III-1)`,
      }),
      expect.objectContaining({
        label: `Prestation complémentaire — Imprimante hors contrat — Forfait 2${NBSP}h`,
        unitHtCents: 6500,
        timeMinutes: 120,
        htCents: 13000,
      }),
    ]);
    expect(p.totalHtCents).toBe(13000);
    expect(codes(p)).toEqual(['included-in-subscription']);
  });

  it('002 art. III.2: complementary work without an accepted quote is flagged for the office', () => {
    const p = priceVisitFacts(
      allance(),
      onsite(180, {
        includedInSubscription: true,
        complementary: [{ label: 'Câblage', workedMinutes: 30 }],
      }),
    );
    expect(codes(p)).toContain('complementary-without-quote');
    expect(p.flags.find((f) => f.code === 'complementary-without-quote')?.message).toContain(
      '« Câblage » sans devis accepté (002 art. III.2)',
    );
  });

  it('domain-rules §3: a quote with a flat price is billed at its price, its minutes out of the ladder', () => {
    const p = priceVisitFacts(
      allance(),
      onsite(300, {
        complementary: [
          {
            label: 'Migration messagerie',
            workedMinutes: 200,
            quote: { number: 'DV-TEC1-2026-0002', accepted: true, flatPriceCents: 35000 },
          },
        ],
      }),
    );
    // Not under the subscription: 300 − 200 = 100 min through the ladder → 2 h → 130 €.
    expect(p.billedMinutes).toBe(120);
    expect(p.lines.find((l) => l.kind === 'quote')).toMatchObject({
      label: 'Prestation complémentaire — Migration messagerie — devis DV-TEC1-2026-0002',
      htCents: 35000,
    });
    expect(p.totalHtCents).toBe(13000 + 35000);
  });

  it('refuses complementary time longer than the visit, in French', () => {
    expect(() => onsite(30, { complementary: [{ label: 'X', workedMinutes: 31 }] })).toThrow(
      'dépasse le temps travaillé',
    );
  });

  it('004 art. V last §: the quota counts planned visits only; beyond it the visit is flagged and billed', () => {
    const p = priceVisitFacts(
      imri(4),
      onsite(90, {
        includedInSubscription: true,
        purpose: 'planned-visit',
        plannedVisitsEarlierThisYear: 4,
      }),
    );
    expect(p.inclusion).toMatchObject({ included: false, beyondQuota: true, rank: 5, perYear: 4 });
    expect(codes(p)).toContain('beyond-quota');
    expect(p.totalHtCents).toBe(13000);
  });

  it.each([
    ['002 art. IV.2.2 on: 1 × 89,90 € part stays 89,90 €, time 2 h × 60,01 € → 121 €', true, 12100],
    ['004 (no clause): 2 h × 60,01 € → 120,02 €, part 89,90 €', false, 12002],
  ])('%s', (_name, round, labour) => {
    const p = priceVisitFacts(
      allance({ hourlyRateCents: 6001, roundTimeUpToEuro: round }),
      onsite(60, { parts: [{ label: 'Disque', quantity: 1, unitPriceCents: 8990 }] }),
    );
    expect(p.lines.find((l) => l.kind === 'labour')!.htCents).toBe(labour);
    expect(p.lines.find((l) => l.kind === 'part')!.htCents).toBe(8990);
    expect(p.totalHtCents).toBe(labour + 8990);
  });

  it('002 art. IV.2.2: the site’s opening hours decide, the contract’s are the fallback', () => {
    const closedMonday = {
      monday: [{ from: '14:00', to: '18:00' }],
      tuesday: [],
      wednesday: [],
      thursday: [],
      friday: [],
      saturday: [],
      sunday: [],
    };
    const siteHours = priceVisitFacts(allance(), onsite(60, { openingHours: closedMonday }));
    expect(siteHours.openingHours?.outside).toBe(true);
    const fallback = priceVisitFacts(allance(), onsite(60, { openingHours: null }));
    expect(fallback.openingHours?.outside).toBe(false);
  });
});
