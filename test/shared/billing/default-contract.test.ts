import { describe, expect, it } from 'vitest';
import {
  FALLBACK_DEFAULT_RATES,
  NO_CONTRACT_REFERENCE,
  defaultContract,
  defaultRatesSchema,
  isDefaultContract,
} from '../../../shared/billing/default-contract';
import { isIncluded, priceVisitFacts } from '../../../shared/billing/index';
import { onsite } from './fixtures';

describe('defaultContract — a client without contract at the default rates', () => {
  it('is time-and-materials: no subscription, nothing included, the rates given', () => {
    const c = defaultContract({ hourlyRateCents: 9000, toleranceMinutes: 5 }, 'cl-1', '2026-11-23');
    expect(c.reference).toBe(NO_CONTRACT_REFERENCE);
    expect(c.clientId).toBe('cl-1');
    expect(c.hourlyRateCents).toBe(9000);
    expect(c.toleranceMinutes).toBe(5);
    expect(c.coverage.incidentsIncluded).toBe(false);
    expect(c.coverage.subscriptionPriceCents).toBeNull();
    expect(c.hourBank).toBeNull();
    expect(c.subscriptionVisitsPerYear).toBeNull();
    expect(c.label).toBe('');
    expect(isDefaultContract(c)).toBe(true);
    expect(isDefaultContract({ ...c, id: 'c-allance' })).toBe(false);
    expect(c.travel.zone).toEqual({ departements: [], postcodes: [] });
    // Planned visits: the visit never records one under a subscription (visit-pricing.ts).
    for (const purpose of ['incident', 'other'] as const) {
      const inclusion = isIncluded(c, {
        underSubscription: true,
        purpose,
        equipmentCovered: true,
        plannedVisitsEarlierThisYear: 0,
      });
      expect(inclusion.included).toBe(false);
    }
  });

  it('prices every minute through the ladder: 2 h 45 at 90 €/h → half-day 315 €', () => {
    const c = defaultContract({ hourlyRateCents: 9000 }, 'cl-1', '2026-11-23');
    const p = priceVisitFacts(c, onsite(165));
    expect(p.billedMinutes).toBe(210);
    expect(p.totalHtCents).toBe(31500);
  });

  it('uses the flat half-day price and the travel fee set', () => {
    const c = defaultContract(
      {
        hourlyRateCents: 9000,
        halfDayPriceCents: 28000,
        travelFee: { kind: 'flat', amountCents: 4000 },
      },
      'cl-1',
      '2026-11-23',
    );
    const p = priceVisitFacts(c, onsite(165));
    expect(p.lines.find((l) => l.kind === 'labour')?.htCents).toBe(28000);
    expect(p.lines.find((l) => l.kind === 'travel')?.htCents).toBe(4000);
    expect(p.totalHtCents).toBe(32000);
  });

  it('falls back to 80 €/h, and rejects bad rates with the contract’s messages', () => {
    expect(FALLBACK_DEFAULT_RATES.hourlyRateCents).toBe(8000);
    const bad = defaultRatesSchema.safeParse({ hourlyRateCents: -1 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('Le montant ne peut pas être négatif.');
  });
});
