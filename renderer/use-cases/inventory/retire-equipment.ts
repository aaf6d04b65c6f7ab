import { retireEquipment as markRetired } from '../../db/repositories/equipment';
import type { StoredEquipment } from '../../db/database';
import type { UseCaseDeps } from '../deps';

/**
 * Takes an equipment out of the inventory at the clock's time: it stays stored, marked
 * retired, so the reports that name it still find it; the change syncs like any edit.
 */
export async function retireEquipment(deps: UseCaseDeps, id: string): Promise<StoredEquipment> {
  return markRetired(deps.db, id, { now: deps.clock.now() });
}
