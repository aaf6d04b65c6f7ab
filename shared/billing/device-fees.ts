import { categoryGroupOf } from '../inventory/category';
import type { Equipment } from '../inventory/equipment';
import type { LocalDate } from '../calendar/local-date';
import { ageSurchargePercent, applyAgeSurcharge } from './age-surcharge';
import type { AgeSurchargePercent } from './age-surcharge';
import type { Contract } from './contract';

/** One device on the subscription: its fee for the period, and why. */
export interface DeviceFee {
  readonly equipmentId: string;
  readonly feeCents: number;
  readonly surchargePercent: AgeSurchargePercent;
  /** Found on site, never declared (002 art. IV.2.1): billed from this date. */
  readonly discoveredOn: LocalDate | null;
  /** No purchase date: the age surcharge cannot be computed (flagged). */
  readonly ageUnknown: boolean;
}

/**
 * What to bill on a per-device subscription on `billedOn` (the office's view): each covered
 * device in service, at the contract's per-device fee, with the age surcharge (004 art. XI)
 * when the contract has one; equipment discovered on site is billed as an additional unit
 * from its discovery date (002 art. IV.2.1), so it is left out before that date. Firewalls
 * and NAS are priced on their own (004 art. XI, "hors firewall et NAS") and left out.
 */
export function deviceFees(
  contract: Contract,
  equipment: readonly Equipment[],
  billedOn: LocalDate,
): DeviceFee[] {
  const fee = contract.coverage.perDeviceFeeCents;
  if (fee === null) return [];
  const out: DeviceFee[] = [];
  for (const e of equipment) {
    if (!e.covered || e.status === 'retired') continue;
    if (e.category === 'firewall' || e.category === 'nas') continue;
    const group = categoryGroupOf(e.category);
    if (group !== 'servers-network' && group !== 'user-equipment') continue;
    const discoveredOn = !e.declared ? e.discoveredOn : null;
    if (discoveredOn !== null && discoveredOn > billedOn) continue;
    const ageUnknown = contract.coverage.ageSurcharge && e.purchaseDate === null;
    const percent: AgeSurchargePercent =
      contract.coverage.ageSurcharge && e.purchaseDate !== null
        ? ageSurchargePercent(e.purchaseDate, billedOn)
        : 0;
    out.push({
      equipmentId: e.id,
      feeCents: applyAgeSurcharge(fee, percent),
      surchargePercent: percent,
      discoveredOn,
      ageUnknown,
    });
  }
  return out;
}
