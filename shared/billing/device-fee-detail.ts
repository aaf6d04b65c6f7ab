import { formatLocalDate } from '../format/date';
import { formatMoney } from '../format/money';
import type { Contract } from './contract';
import type { DeviceFee } from './device-fees';

/**
 * Why a device costs what it costs on the subscription, in the office's words: the fee, the
 * age surcharge (004 art. XI) and, for equipment found on site, the date it is billed from
 * (002 art. IV.2.1). "30,00 € + 20 % (vétusté, 004 art. XI) = 36,00 €".
 */
export function deviceFeeDetail(contract: Contract, fee: DeviceFee): string {
  const base = contract.coverage.perDeviceFeeCents ?? fee.feeCents;
  const parts: string[] = [];
  parts.push(
    fee.surchargePercent === 0
      ? formatMoney(base)
      : `${formatMoney(base)} + ${fee.surchargePercent} % (vétusté, 004 art. XI) = ${formatMoney(fee.feeCents)}`,
  );
  if (fee.ageUnknown) parts.push('date d’achat inconnue : vétusté à vérifier');
  if (fee.discoveredOn !== null) {
    parts.push(
      `découvert sur site le ${formatLocalDate(fee.discoveredOn)}, facturé depuis cette date (002 art. IV.2.1)`,
    );
  }
  return parts.join(' ; ');
}

/** The subscription's per-device total for the period: the sum of the devices' fees. */
export function deviceFeesTotal(fees: readonly DeviceFee[]): number {
  return fees.reduce((sum, f) => sum + f.feeCents, 0);
}
