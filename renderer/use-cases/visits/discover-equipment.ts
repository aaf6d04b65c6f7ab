import { localDateOf } from '../../../shared/calendar/local-date';
import type { EquipmentCategory } from '../../../shared/inventory/category';
import type { Equipment } from '../../../shared/inventory/equipment';
import { createEquipment } from '../../db/repositories/equipment';
import type { UseCaseDeps } from '../deps';

/**
 * Equipment found on site that the client never declared (002 art. IV.2.1): added to the
 * inventory as not declared, discovered today (Paris), not covered until the office adds it
 * to the contract's annex. Validated by the inventory's own schema.
 */
export async function discoverEquipment(
  deps: UseCaseDeps,
  input: {
    readonly clientId: string;
    readonly siteId: string;
    readonly category: EquipmentCategory;
    readonly brand: string;
    readonly model: string;
    readonly serialNumber: string;
  },
): Promise<{ equipment: Equipment; at: number }> {
  const now = deps.clock.now();
  const equipment = await createEquipment(
    deps.db,
    { ...input, declared: false, discoveredOn: localDateOf(now), covered: false },
    { now },
  );
  return { equipment, at: now };
}
