import { describe, expect, it } from 'vitest';
import { contractSchema } from '../../../shared/billing/contract';
import { defaultContract } from '../../../shared/billing/default-contract';
import { INTERVENTION_TYPES } from '../../../shared/report/model';
import type { VisitType } from '../../../shared/report/model';
import {
  purposeOf,
  visitCountsAgainstQuota,
  visitUnderSubscription,
} from '../../../shared/visit/visit-inclusion';
import { visitHeaderSchema } from '../../../shared/visit/visit-record';

const CLIENT_ID = '0192b3c4-0000-7000-8000-0000000000c1';
const contract = contractSchema.parse({
  id: 'ct-1',
  clientId: CLIENT_ID,
  reference: 'INF-2026-001',
  startsOn: '2026-01-01',
  hourlyRateCents: 8_000,
});
const withoutContract = defaultContract({ hourlyRateCents: 9_000 }, CLIENT_ID, '2026-11-23');

function visit(type: VisitType, includedInSubscription: boolean) {
  return {
    header: visitHeaderSchema.parse({
      mode: 'onsite',
      type,
      urgency: 'normal',
      request: 'Visite',
      representative: null,
      clientConfirmedBackup: true,
      includedInSubscription,
    }),
  };
}

describe('what the inclusion rule reads from a visit', () => {
  it.each<[VisitType, string]>([
    ['curative', 'incident'],
    ['planned-visit', 'planned-visit'],
    ['preventive', 'planned-visit'],
    ['installation', 'other'],
    ['audit', 'other'],
  ])('a %s visit is read as %s', (type, purpose) => {
    expect(purposeOf(type)).toBe(purpose);
  });

  it('covers every visit type', () => {
    expect(INTERVENTION_TYPES.map(purposeOf)).not.toContain(undefined);
  });

  it.each<[string, VisitType, boolean, boolean, boolean]>([
    ['planned, under the subscription', 'planned-visit', true, true, true],
    ['preventive, under the subscription', 'preventive', true, true, true],
    ['planned, not under the subscription', 'planned-visit', false, false, false],
    ['an incident under the subscription', 'curative', true, true, false],
    ['an installation under the subscription', 'installation', true, true, false],
  ])('%s: under %s, counts against the quota %s', (_n, type, ticked, under, counts) => {
    expect(visitUnderSubscription(visit(type, ticked), contract)).toBe(under);
    expect(visitCountsAgainstQuota(visit(type, ticked), contract)).toBe(counts);
  });

  it('a client without contract has no subscription, whatever the header says', () => {
    expect(visitUnderSubscription(visit('planned-visit', true), withoutContract)).toBe(false);
    expect(visitCountsAgainstQuota(visit('planned-visit', true), withoutContract)).toBe(false);
  });
});
