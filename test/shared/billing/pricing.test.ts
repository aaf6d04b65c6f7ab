import { describe, expect, it } from 'vitest';
import { PricingError, priceVisitFacts } from '../../../shared/billing/index';
import type { PricedVisit } from '../../../shared/billing/index';
import { NBSP } from '../../../shared/format/index';
import { allance, onsite, paris, remote } from './fixtures';

const codes = (p: PricedVisit) => p.flags.map((f) => f.code);
const line = (p: PricedVisit, kind: string) => p.lines.filter((l) => l.kind === kind);

describe('priceVisitFacts — the domain example (domain-rules §4)', () => {
  it('2 h 45 on site at 65 €/h → 3 h 30 billed → 228 € HT, TVA 45,60 €, TTC 273,60 €', () => {
    const p = priceVisitFacts(allance(), onsite(165));
    expect(p.billedMinutes).toBe(210);
    expect(p.stepLabel).toBe(`Demi-journée (3${NBSP}h${NBSP}30)`);
    expect(line(p, 'labour')).toEqual([
      {
        kind: 'labour',
        label: `Intervention sur site — Demi-journée (3${NBSP}h${NBSP}30)`,
        quantity: null,
        unitHtCents: 6500,
        timeMinutes: 210,
        detail: `2${NBSP}h${NBSP}45 relevées, palier Demi-journée (3${NBSP}h${NBSP}30) (002 art. IV.2.2) : 3${NBSP}h${NBSP}30 × 65,00${NBSP}€/h = 227,50${NBSP}€ ; arrondi à l’euro supérieur : 228,00${NBSP}€ (002 art. IV.2.2)`,
        htCents: 22800,
      },
    ]);
    expect(p.totalHtCents).toBe(22800);
    expect(p.vatRateBasisPoints).toBe(2000);
    expect(p.vatCents).toBe(4560);
    expect(p.ttcCents).toBe(27360);
    expect(p.flags).toEqual([]);
    expect(p.openingHours?.outside).toBe(false);
  });
});

describe('time', () => {
  it.each([
    [0, 0],
    [1, 13000], // 2 h × 65 = 130
    [120, 13000],
    [121, 22800], // 227,50 → 228
    [211, 45500], // 7 h × 65 = 455
    [421, 58500], // 455 + 130
    [631, 91000], // 2 days
  ])('on site %i min → %i cents HT', (worked, ht) => {
    expect(line(priceVisitFacts(allance(), onsite(worked)), 'labour')[0]!.htCents).toBe(ht);
  });

  it('flat half-day and day prices win over the hourly rate; 2 h stays at the rate', () => {
    const c = allance({ halfDayPriceCents: 21000, dayPriceCents: 40000 });
    const ht = (w: number) => line(priceVisitFacts(c, onsite(w)), 'labour')[0]!.htCents;
    expect(ht(100)).toBe(13000);
    expect(ht(200)).toBe(21000);
    expect(ht(400)).toBe(40000);
    expect(ht(560)).toBe(61000); // 1 day + half-day
    expect(ht(450)).toBe(53000); // 1 day + 2 h at the rate
  });

  it('rounds a line up to the whole euro, never down', () => {
    const c = allance({ hourlyRateCents: 6001 });
    // 2 h × 60,01 € = 120,02 € → 121 €
    expect(line(priceVisitFacts(c, onsite(60)), 'labour')[0]!.htCents).toBe(12100);
  });

  it('remote: per started half-hour, at the remote rate when set', () => {
    expect(line(priceVisitFacts(allance(), remote(31)), 'labour')[0]).toMatchObject({
      label: 'Intervention à distance — 2 demi-heures',
      htCents: 6500,
    });
    const c = allance({ remoteHourlyRateCents: 5500 });
    // 3 half-hours × 27,50 € = 82,50 € → 83 €
    expect(line(priceVisitFacts(c, remote(61)), 'labour')[0]!.htCents).toBe(8300);
    // No travel line and no opening-hours check for remote work.
    const p = priceVisitFacts(c, remote(61));
    expect(line(p, 'travel')).toEqual([]);
    expect(p.openingHours).toBeNull();
  });

  it('uses the contract tolerance', () => {
    const p = priceVisitFacts(allance({ toleranceMinutes: 10 }), onsite(128));
    expect(p.billedMinutes).toBe(120);
  });
});

describe('subscription and coverage', () => {
  it('an included visit keeps its time and prices the time at 0', () => {
    const p = priceVisitFacts(allance(), onsite(165, { includedInSubscription: true }));
    expect(p.workedMinutes).toBe(165);
    expect(p.billedMinutes).toBe(0);
    expect(line(p, 'labour')[0]!.htCents).toBe(0);
    expect(line(p, 'labour')[0]!.label).toContain(
      'incident inclus dans l’abonnement (002 art. III-1)',
    );
    expect(p.totalHtCents).toBe(0);
    expect(p.ttcCents).toBe(0);
    expect(codes(p)).toEqual(['included-in-subscription']);
  });

  it('parts are billed even in an included visit, exact to the cent (002 art. IV.2.2 rounds time lines only)', () => {
    const p = priceVisitFacts(
      allance(),
      onsite(60, {
        includedInSubscription: true,
        parts: [{ label: 'Barrette RAM 8 Go', quantity: 2, unitPriceCents: 2990 }],
      }),
    );
    // 2 × 29,90 = 59,80 €, never rounded up.
    expect(line(p, 'part')).toEqual([
      {
        kind: 'part',
        label: 'Barrette RAM 8 Go',
        quantity: 2,
        unitHtCents: 2990,
        timeMinutes: null,
        detail: `2 × 29,90${NBSP}€`,
        htCents: 5980,
      },
    ]);
    expect(p.totalHtCents).toBe(5980);
    expect(p.vatCents).toBe(1196);
  });

  it('equipment not covered is billed as a complementary service even in a subscription visit', () => {
    const p = priceVisitFacts(
      allance(),
      onsite(165, { includedInSubscription: true, equipmentCovered: false }),
    );
    expect(p.totalHtCents).toBe(22800);
    expect(codes(p)).toEqual(['equipment-not-covered']);
  });
});

describe('travel (002 art. IV.2.2)', () => {
  it('inside the zone: included line at 0, no meals or lodging billed', () => {
    const p = priceVisitFacts(
      allance(),
      onsite(165, { sitePostcode: '92100', meals: 1, lodgingNights: 1 }),
    );
    expect(line(p, 'travel')).toEqual([
      {
        kind: 'travel',
        label: 'Déplacement inclus (zone du contrat)',
        quantity: null,
        unitHtCents: null,
        timeMinutes: null,
        detail: 'Site 92100 dans la zone du contrat (002 art. IV.2.2)',
        htCents: 0,
      },
    ]);
    expect(line(p, 'meals')).toEqual([]);
    expect(p.totalHtCents).toBe(22800);
  });

  it('outside the zone: per km, meals and lodging, exact to the cent', () => {
    const p = priceVisitFacts(
      allance(),
      onsite(165, { sitePostcode: '69003', travelKm: 463, meals: 2, lodgingNights: 1 }),
    );
    expect(line(p, 'travel')[0]).toMatchObject({ quantity: 463, unitHtCents: 45, htCents: 20835 });
    expect(line(p, 'meals')[0]).toMatchObject({ label: 'Repas (2)', htCents: 3900 });
    expect(line(p, 'lodging')[0]).toMatchObject({ label: 'Hébergement — 1 nuit', htCents: 9500 });
    expect(p.totalHtCents).toBe(22800 + 20835 + 3900 + 9500);
    expect(codes(p)).toEqual(['outside-travel-zone']);
  });

  it('a zone may list single postcodes; a flat fee is billed once', () => {
    const c = allance({
      travel: { zone: { postcodes: ['78000'] }, fee: { kind: 'flat', amountCents: 4950 } },
    });
    expect(
      line(priceVisitFacts(c, onsite(60, { sitePostcode: '78000' })), 'travel')[0]!.htCents,
    ).toBe(0);
    expect(
      line(priceVisitFacts(c, onsite(60, { sitePostcode: '78100' })), 'travel')[0],
    ).toMatchObject({
      label: 'Déplacement (forfait)',
      htCents: 4950,
    });
  });

  it('an unknown postcode bills no travel and is flagged', () => {
    const p = priceVisitFacts(allance(), onsite(60, { sitePostcode: null }));
    expect(line(p, 'travel')).toEqual([]);
    expect(codes(p)).toEqual(['site-postcode-missing']);
  });

  it('meals without a price in the contract are flagged, not invented', () => {
    const c = allance({ travel: { fee: { kind: 'flat', amountCents: 3000 } } });
    const p = priceVisitFacts(c, onsite(60, { sitePostcode: '69003', meals: 1, lodgingNights: 1 }));
    expect(line(p, 'meals')).toEqual([]);
    expect(codes(p)).toEqual(['outside-travel-zone', 'meals-not-priced', 'lodging-not-priced']);
  });
});

describe('flat-fee tasks (004 art. VI)', () => {
  it('prices catalogue tasks exactly (the rounding clause is for time lines)', () => {
    const p = priceVisitFacts(allance(), remote(0, { flatTasks: [{ code: 'MAIL', quantity: 3 }] }));
    expect(line(p, 'flat-task')).toEqual([
      {
        kind: 'flat-task',
        label: 'Création de boîte mail',
        quantity: 3,
        unitHtCents: 3550,
        timeMinutes: null,
        detail: `3 × forfait 35,50${NBSP}€`,
        htCents: 10650,
      },
    ]);
    expect(p.billedMinutes).toBe(0);
    expect(p.totalHtCents).toBe(10650);
  });

  it('rejects a task missing from the catalogue', () => {
    expect(() =>
      priceVisitFacts(allance(), remote(10, { flatTasks: [{ code: 'VPN', quantity: 1 }] })),
    ).toThrow(PricingError);
  });
});

describe('opening hours', () => {
  it('flags Saturday work and applies the contract surcharge to the time', () => {
    const start = paris('2026-11-21', '10:00');
    const facts = onsite(165, {
      startedAt: start,
      segments: [{ start, end: start + 165 * 60_000 }],
    });
    const plain = priceVisitFacts(allance(), facts);
    expect(codes(plain)).toEqual(['outside-opening-hours', 'no-outside-hours-surcharge']);
    expect(plain.openingHours).toEqual({
      outside: true,
      outsideMinutes: 165,
      reasons: ['weekend'],
    });
    expect(plain.totalHtCents).toBe(22800);

    const surcharged = priceVisitFacts(allance({ outsideHoursSurchargePercent: 25 }), facts);
    // 25 % of 228 € = 57 €
    expect(line(surcharged, 'surcharge')).toEqual([
      {
        kind: 'surcharge',
        label: 'Majoration hors heures d’ouverture (+25 %)',
        quantity: null,
        unitHtCents: null,
        timeMinutes: null,
        detail: `25 % × 228,00${NBSP}€ (002 art. IV.2.2) = 57,00${NBSP}€`,
        htCents: 5700,
      },
    ]);
    expect(surcharged.totalHtCents).toBe(28500);
    expect(codes(surcharged)).toEqual(['outside-opening-hours']);
  });

  it('uses the contract opening hours', () => {
    const c = allance({
      openingHours: {
        monday: [{ from: '08:00', to: '10:00' }],
        tuesday: [],
        wednesday: [],
        thursday: [],
        friday: [],
        saturday: [],
        sunday: [],
      },
    });
    const p = priceVisitFacts(c, onsite(165)); // 9:00–11:45
    expect(p.openingHours).toEqual({
      outside: true,
      outsideMinutes: 105,
      reasons: ['outside-hours'],
    });
  });
});

describe('hour bank', () => {
  const banked = () =>
    allance({ hourBank: { unit: 'hours', quantity: 10, startsOn: '2026-01-01' } });

  it('deducts the billed time and prints the balance', () => {
    const p = priceVisitFacts(banked(), onsite(165, { hourBankBalanceMinutes: 600 }));
    expect(p.hourBank).toEqual({
      balanceBeforeMinutes: 600,
      deductedMinutes: 210,
      excessMinutes: 0,
      balanceAfterMinutes: 390,
    });
    expect(p.lines[0]).toMatchObject({ kind: 'hour-bank', htCents: 0 });
    expect(p.lines[0]!.label).toContain(`solde 6${NBSP}h${NBSP}30`);
    expect(p.totalHtCents).toBe(0);
  });

  it('bills the excess beyond the balance at the hourly rate', () => {
    const p = priceVisitFacts(banked(), onsite(165, { hourBankBalanceMinutes: 60 }));
    expect(p.hourBank).toEqual({
      balanceBeforeMinutes: 60,
      deductedMinutes: 60,
      excessMinutes: 150,
      balanceAfterMinutes: 0,
    });
    // 2 h 30 × 65 € = 162,50 → 163 €
    expect(line(p, 'labour')[0]).toMatchObject({ htCents: 16300 });
    expect(codes(p)).toEqual(['hour-bank-exceeded']);
  });

  it('needs the balance when the contract has a bank', () => {
    expect(() => priceVisitFacts(banked(), onsite(60))).toThrow(PricingError);
  });
});

describe('VAT', () => {
  it('uses the rate in force on the day of the intervention (Paris date)', () => {
    const c = allance({
      vatRates: [
        { from: '2014-01-01', basisPoints: 2000 },
        { from: '2026-11-24', basisPoints: 2100 },
      ],
    });
    expect(priceVisitFacts(c, onsite(165)).vatRateBasisPoints).toBe(2000);
    const late = paris('2026-11-24', '00:30'); // still 23 Nov in UTC
    const p = priceVisitFacts(c, onsite(165, { startedAt: late, segments: [] }));
    expect(p.vatRateBasisPoints).toBe(2100);
    expect(p.vatCents).toBe(4788);
  });

  it('rounds VAT half-up to the cent', () => {
    const c = allance({ vatRates: [{ from: '2014-01-01', basisPoints: 550 }] });
    // 130 € × 5,5 % = 7,15 exactly; 228 € × 5,5 % = 12,54; 129 € (from a part) → 7,095 → 7,10
    expect(priceVisitFacts(c, onsite(60)).vatCents).toBe(715);
    const p = priceVisitFacts(
      c,
      remote(0, { parts: [{ label: 'Câble', quantity: 1, unitPriceCents: 12900 }] }),
    );
    expect(p.vatCents).toBe(710);
  });

  it('fails clearly when no rate is in force', () => {
    const c = allance({ vatRates: [{ from: '2030-01-01', basisPoints: 2000 }] });
    expect(() => priceVisitFacts(c, onsite(60))).toThrow(/TVA/);
  });
});
