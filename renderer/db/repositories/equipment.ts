import { equipmentFieldsSchema, equipmentSchema } from '../../../shared/inventory/equipment';
import type { Equipment, EquipmentFields } from '../../../shared/inventory/equipment';
import { searchKey } from '../../../shared/inventory/search-key';
import { putRecord, updateRecord } from '../changes';
import type { WriteOptions } from '../changes';
import type { BordereauDb, StoredEquipment } from '../database';
import { newRecordMeta } from './new-record';

export class DuplicateSerialError extends Error {
  constructor(
    readonly serialNumber: string,
    readonly existingId: string,
  ) {
    super(`Le numéro de série « ${serialNumber} » est déjà enregistré pour ce client.`);
    this.name = 'DuplicateSerialError';
  }
}

/** The client's equipment with this serial number (case, spaces and dashes ignored), if any. */
export async function findBySerial(
  db: BordereauDb,
  clientId: string,
  serialNumber: string,
): Promise<StoredEquipment | undefined> {
  const key = searchKey(serialNumber);
  if (key === '') return undefined;
  return db.equipment.where('[clientId+serialKey]').equals([clientId, key]).first();
}

async function assertSerialFree(
  db: BordereauDb,
  clientId: string,
  serialNumber: string,
  selfId: string | null,
): Promise<void> {
  const key = searchKey(serialNumber);
  if (key === '') return;
  const same = await db.equipment.where('[clientId+serialKey]').equals([clientId, key]).toArray();
  const other = same.find((e) => e.id !== selfId);
  if (other) throw new DuplicateSerialError(serialNumber, other.id);
}

export async function createEquipment(
  db: BordereauDb,
  fields: EquipmentFields,
  options: WriteOptions = {},
): Promise<StoredEquipment> {
  const now = options.now ?? Date.now();
  const equipment = equipmentSchema.parse({
    ...equipmentFieldsSchema.parse(fields),
    ...newRecordMeta(now),
  });
  return db.transaction('rw', db.equipment, db.outbox, async () => {
    await assertSerialFree(db, equipment.clientId, equipment.serialNumber, null);
    return putRecord(db, 'equipment', equipment, { ...options, now }) as Promise<StoredEquipment>;
  });
}

export async function updateEquipment(
  db: BordereauDb,
  id: string,
  fields: Partial<EquipmentFields>,
  options: WriteOptions = {},
): Promise<StoredEquipment> {
  return db.transaction('rw', db.equipment, db.outbox, async () => {
    const stored = await updateRecord<Equipment>(
      db,
      'equipment',
      id,
      fields as Partial<Equipment>,
      {
        ...options,
        validate: (merged) => equipmentSchema.parse(merged),
      },
    );
    await assertSerialFree(db, stored.clientId, stored.serialNumber, id);
    return stored as StoredEquipment;
  });
}

/** Retired equipment stays in the inventory (history, reports), marked as such. */
export async function retireEquipment(
  db: BordereauDb,
  id: string,
  options: WriteOptions = {},
): Promise<StoredEquipment> {
  return updateEquipment(db, id, { status: 'retired' }, options);
}

/** Everything a client has, in one indexed read (the inventory table filters it in memory). */
export async function listEquipment(db: BordereauDb, clientId: string): Promise<StoredEquipment[]> {
  return db.equipment.where('clientId').equals(clientId).toArray();
}
