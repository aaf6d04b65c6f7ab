import type { Contract } from './contract';

/**
 * What a visit is for, as the inclusion rule reads it: an incident (a breakdown, curative
 * work), a planned infogérance visit, or other work the subscription never includes
 * (installation, audit, training… 004 art. VIII).
 */
export const VISIT_PURPOSES = ['incident', 'planned-visit', 'other'] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];

export interface InclusionInput {
  /** The technician recorded the visit as done under the subscription. */
  readonly underSubscription: boolean;
  readonly purpose: VisitPurpose;
  /**
   * Every equipment of the visit's main work is on the contract's annex. Equipment whose
   * time is recorded apart as complementary work does not count here.
   */
  readonly equipmentCovered: boolean;
  /** Planned visits of this contract already done earlier in the same calendar year. */
  readonly plannedVisitsEarlierThisYear: number;
}

export type InclusionReason =
  | 'incident'
  | 'planned-visit'
  | 'beyond-quota-included'
  | 'not-under-subscription'
  | 'equipment-not-covered'
  | 'incidents-not-included'
  | 'beyond-quota'
  | 'not-included-work';

export interface Inclusion {
  /** The visit's main time is included (recorded, priced 0). */
  readonly included: boolean;
  readonly reason: InclusionReason;
  /**
   * A planned visit recorded under the subscription, counted against the yearly quota
   * (incidents never are, nor visits done outside the subscription).
   */
  readonly countsAgainstQuota: boolean;
  /** Its rank among the year's planned visits; null when it is not a planned visit. */
  readonly rank: number | null;
  readonly perYear: number | null;
  /** A planned visit beyond the contract's number: flagged for the office. */
  readonly beyondQuota: boolean;
}

/**
 * Whether a visit uses one of the year's planned visits: a planned visit recorded under the
 * subscription (004 art. V last §), whatever its equipment or rank. The quota count of
 * earlier visits and `isIncluded` both read it, so they never disagree.
 */
export function countsAgainstQuota(
  input: Pick<InclusionInput, 'underSubscription' | 'purpose'>,
): boolean {
  return input.underSubscription && input.purpose === 'planned-visit';
}

/**
 * THE inclusion rule (domain-rules §3), used by pricing, the hour bank, the quota count and
 * the report alike, so they never disagree:
 * - incidents on covered equipment are included in unlimited number (002 art. III-1 §6)
 *   when the contract includes incidents, and never count against the quota;
 * - planned visits are included up to the number per year (004 art. V last paragraph,
 *   art. VI); beyond it, flagged and billed unless the contract says otherwise;
 * - anything else, or work on equipment off the annex, is a complementary service.
 */
export function isIncluded(contract: Contract, input: InclusionInput): Inclusion {
  const earlier = input.plannedVisitsEarlierThisYear;
  if (!Number.isInteger(earlier) || earlier < 0) {
    throw new RangeError(`Nombre de visites invalide : ${String(earlier)}.`);
  }
  const perYear = contract.subscriptionVisitsPerYear;
  const planned = input.purpose === 'planned-visit';
  const rank = planned ? earlier + 1 : null;
  const beyondQuota = planned && perYear !== null && earlier + 1 > perYear;
  const base = {
    countsAgainstQuota: countsAgainstQuota(input),
    rank,
    perYear: planned ? perYear : null,
  };
  const no = (reason: InclusionReason): Inclusion => ({
    ...base,
    included: false,
    reason,
    beyondQuota,
  });
  if (!input.underSubscription) return no('not-under-subscription');
  if (!input.equipmentCovered) return no('equipment-not-covered');
  switch (input.purpose) {
    case 'incident':
      return contract.coverage.incidentsIncluded
        ? { ...base, included: true, reason: 'incident', beyondQuota: false }
        : no('incidents-not-included');
    case 'planned-visit':
      if (!beyondQuota) return { ...base, included: true, reason: 'planned-visit', beyondQuota };
      return contract.coverage.beyondQuota === 'include'
        ? { ...base, included: true, reason: 'beyond-quota-included', beyondQuota }
        : no('beyond-quota');
    case 'other':
      return no('not-included-work');
  }
}
