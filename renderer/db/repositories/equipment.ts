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

export class DuplicateAssetTagError extends Error {
  constructor(
    readonly assetTag: string,
    readonly existingId: string,
  ) {
    super(
      `Le numéro d’inventaire « ${assetTag} » est déjà celui d’un autre équipement de ce client.`,
    );
    this.name = 'DuplicateAssetTagError';
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
  return db.equipment
    .where('clientId')
    .equals(clientId)
    .filter((e) => searchKey(e.serialNumber) === key)
    .first();
}

async function assertSerialFree(
  db: BordereauDb,
  clientId: string,
  serialNumber: string,
  selfId: string | null,
): Promise<void> {
  const key = searchKey(serialNumber);
  if (key === '') return;
  // Through the client's items, like inventory numbers below: the [clientId+serialKey] index
  // cost every write of an import one more index entry on disk (schema v4 dropped it).
  const other = await db.equipment
    .where('clientId')
    .equals(clientId)
    .filter((e) => e.id !== selfId && searchKey(e.serialNumber) === key)
    .first();
  if (other) throw new DuplicateSerialError(serialNumber, other.id);
}

/**
 * Inventory numbers are unique per client like serials (the label on the machine). No index:
 * the client's equipment is read through its clientId index (2,000 items at most in
 * practice), which costs less than one more index on every write of a 10,000-row import.
 */
async function assertAssetTagFree(
  db: BordereauDb,
  clientId: string,
  assetTag: string,
  selfId: string | null,
): Promise<void> {
  const key = searchKey(assetTag);
  if (key === '') return;
  const other = await db.equipment
    .where('clientId')
    .equals(clientId)
    .filter((e) => e.id !== selfId && searchKey(e.assetTag) === key)
    .first();
  if (other) throw new DuplicateAssetTagError(assetTag, other.id);
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
    await assertAssetTagFree(db, equipment.clientId, equipment.assetTag, null);
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
    await assertAssetTagFree(db, stored.clientId, stored.assetTag, id);
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

/**
 * How many items each client has, one IndexedDB count per client: the database counts a key
 * range without handing every key to JavaScript, where walking the clientId index key by key
 * (100,000 cursor steps) kept the client list's counts, and the database, busy for about a
 * second at start-up (docs/benchmarks.md, Inventory on disk).
 */
export async function countEquipmentByClient(
  db: BordereauDb,
  clientIds: readonly string[],
): Promise<Map<string, number>> {
  // One transaction for all the counts: one each cost as much again in transaction set-up,
  // their completions queued on the main thread as the client list painted (start-up).
  const counts = await db.transaction('r', db.equipment, () =>
    Promise.all(clientIds.map((id) => db.equipment.where('clientId').equals(id).count())),
  );
  return new Map(clientIds.map((id, i) => [id, counts[i]!]));
}
