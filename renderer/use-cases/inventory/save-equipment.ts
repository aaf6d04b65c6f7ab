import { localDateOf } from '../../../shared/calendar/local-date';
import { equipmentFormSchema } from '../../../shared/inventory/equipment-form';
import {
  createEquipment,
  DuplicateAssetTagError,
  DuplicateSerialError,
  updateEquipment,
} from '../../db/repositories/equipment';
import type { StoredEquipment } from '../../db/database';
import type { UseCaseDeps } from '../deps';

// The screen puts these two on their field (serial number, inventory number) rather than
// in the form's footer.
export { DuplicateAssetTagError, DuplicateSerialError };

/**
 * Creates an equipment, or edits `id`'s fields, from the form's values: parsed by the same
 * shared schema the form uses (a purchase date after the clock's today is refused, in the
 * Paris calendar), the serial and inventory numbers checked unique for the client inside the
 * write's transaction, record and outbox written together at the clock's time.
 */
export async function saveEquipment(
  deps: UseCaseDeps,
  input: { readonly id?: string | undefined; readonly values: unknown },
): Promise<StoredEquipment> {
  const now = deps.clock.now();
  const fields = equipmentFormSchema(localDateOf(now)).parse(input.values);
  return input.id === undefined
    ? createEquipment(deps.db, fields, { now })
    : updateEquipment(deps.db, input.id, fields, { now });
}
