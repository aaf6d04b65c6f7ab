import { useLiveQuery } from 'dexie-react-hooks';
import { contractSchema } from '../../../shared/billing/contract';
import type { Contract } from '../../../shared/billing/contract';
import { deviceFeeDetail, deviceFeesTotal } from '../../../shared/billing/device-fee-detail';
import { deviceFees } from '../../../shared/billing/device-fees';
import type { DeviceFee } from '../../../shared/billing/device-fees';
import type { LocalDate } from '../../../shared/calendar/local-date';
import type { Equipment } from '../../../shared/inventory/equipment';
import { getDb } from '../../db/database';
import type { BordereauDb } from '../../db/database';
import { listContracts } from '../../db/repositories/contracts';
import { listEquipment } from '../../db/repositories/equipment';

export interface DeviceFeeRow extends DeviceFee {
  readonly equipment: Equipment;
  readonly detail: string;
}

/** One per-device contract of the client: what to bill on its subscription on a date. */
export interface ContractDeviceFees {
  readonly contract: Contract;
  readonly rows: readonly DeviceFeeRow[];
  readonly totalCents: number;
}

/**
 * What the client's per-device contracts bill on `billedOn` (the office's view, 004 art. XI,
 * 002 art. IV.2.1): each device with its fee and why; contracts without a per-device fee
 * are left out.
 */
export async function loadDeviceFees(
  db: BordereauDb,
  clientId: string,
  billedOn: LocalDate,
): Promise<readonly ContractDeviceFees[]> {
  const contracts = await listContracts(db, clientId);
  // The client's items only when a contract bills per device: on the client page, reading a
  // large client's whole inventory here held back its first rows (docs/benchmarks.md).
  const billsPerDevice = contracts.some((c) => {
    const parsed = contractSchema.safeParse(c);
    return parsed.success && parsed.data.coverage.perDeviceFeeCents !== null;
  });
  if (!billsPerDevice) return [];
  const equipment = await listEquipment(db, clientId);
  const byId = new Map(equipment.map((e) => [e.id, e]));
  const out: ContractDeviceFees[] = [];
  for (const stored of contracts) {
    const parsed = contractSchema.safeParse(stored);
    if (!parsed.success || parsed.data.coverage.perDeviceFeeCents === null) continue;
    const contract = parsed.data;
    const fees = deviceFees(contract, equipment, billedOn);
    out.push({
      contract,
      rows: fees.map((fee) => ({
        ...fee,
        equipment: byId.get(fee.equipmentId)!,
        detail: deviceFeeDetail(contract, fee),
      })),
      totalCents: deviceFeesTotal(fees),
    });
  }
  return out;
}

/** The client's per-device fees on a date, live: undefined while loading. */
export function useDeviceFees(
  clientId: string,
  billedOn: LocalDate,
): readonly ContractDeviceFees[] | undefined {
  const db = getDb();
  return useLiveQuery(() => loadDeviceFees(db, clientId, billedOn), [db, clientId, billedOn]);
}
