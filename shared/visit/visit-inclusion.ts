import type { Contract } from '../billing/contract';
import { isDefaultContract } from '../billing/default-contract';
import { countsAgainstQuota } from '../billing/inclusion';
import type { VisitPurpose } from '../billing/inclusion';
import type { VisitType } from '../report/model';
import type { VisitRecord } from './visit-record';

/**
 * What the one inclusion rule (shared/billing/inclusion.ts) reads from a stored visit. Pricing,
 * the hour bank and the quota count all take these facts from here, so a visit is "under
 * the subscription" for all of them or for none.
 */

/** What the inclusion rule reads from the visit's type. */
export function purposeOf(type: VisitType): VisitPurpose {
  switch (type) {
    case 'curative':
      return 'incident';
    case 'planned-visit':
    case 'preventive':
      return 'planned-visit';
    case 'installation':
    case 'audit':
      return 'other';
  }
}

/**
 * Recorded under the subscription by the technician, and there is one: a client without a
 * contract (the default rates) has no subscription to be under, whatever the header says.
 */
export function visitUnderSubscription(
  visit: Pick<VisitRecord, 'header'>,
  contract: Contract,
): boolean {
  return visit.header.includedInSubscription && !isDefaultContract(contract);
}

/** The visit uses one of the contract's planned visits of the year. */
export function visitCountsAgainstQuota(
  visit: Pick<VisitRecord, 'header'>,
  contract: Contract,
): boolean {
  return countsAgainstQuota({
    underSubscription: visitUnderSubscription(visit, contract),
    purpose: purposeOf(visit.header.type),
  });
}

/**
 * Every equipment of the visit's main work is covered: equipment whose time is recorded
 * apart as complementary work does not count (its time is billed on its own).
 */
export function mainEquipmentCovered(
  visit: VisitRecord,
  coveredEquipmentIds: ReadonlySet<string>,
): boolean {
  const apart = new Set(visit.work.complementary.map((c) => c.equipmentId));
  return visit.work.equipment
    .filter((e) => !apart.has(e.equipmentId))
    .every((e) => coveredEquipmentIds.has(e.equipmentId));
}
