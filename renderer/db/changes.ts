import type { Table } from 'dexie';
import type { SyncedRecord } from '../../shared/inventory/record';
import { SealedReportError } from '../../shared/report/seal';
import type { EntityName } from '../../shared/sync/mutation';
import type { BordereauDb, OutboxEntry } from './database';
import { EQUIPMENT_INDEX_FIELDS, equipmentIndexFields } from './equipment-index';
import { markCreated } from './equipment-search-keys-middleware';
import { reserveMutationIds } from './outbox';
import type { MutationIds } from './outbox';
import type { CreationBatchRow } from './outbox-row';

/**
 * The one write path for synced records: each write puts the record AND its outbox entry in
 * the same transaction, so a change is either saved and queued for the server, or not saved
 * at all. Changes pulled from the server are written with `origin: 'server'`: no outbox
 * entry, and their `updatedAt`/`revision` kept as the server sent them.
 */
export type WriteOrigin = 'local' | 'server';

export interface WriteOptions {
  readonly origin?: WriteOrigin;
  /** The device clock (ms); injectable for tests. */
  readonly now?: number;
}

export interface BulkWriteOptions extends WriteOptions {
  /**
   * The records were just created on this device (fresh UUIDv7 ids): there is no stored copy
   * whose revision to read, so the lookup is skipped (it costs a read per record in imports).
   */
  readonly created?: boolean;
}

/** Any synced record; interfaces without an index signature are welcome too. */
type AnyRecord = SyncedRecord;

export class RecordNotFoundError extends Error {
  constructor(entity: EntityName, id: string) {
    super(`Enregistrement introuvable (${entity} ${id}) : il a peut-être été supprimé.`);
    this.name = 'RecordNotFoundError';
  }
}

function tableOf(db: BordereauDb, entity: EntityName): Table<SyncedRecord, string> {
  return db.table(entity);
}

/** The record as stored: with the fields its indexes need. */
function withIndexFields<T extends AnyRecord>(entity: EntityName, record: T): T {
  return entity === 'equipment'
    ? { ...record, ...equipmentIndexFields(record as unknown as Record<string, unknown>) }
    : record;
}

/** The record as synced: without the local index fields. */
export function withoutIndexFields(
  entity: EntityName,
  record: Record<string, unknown>,
): Record<string, unknown> {
  if (entity !== 'equipment') return record;
  const copy = { ...record };
  for (const key of EQUIPMENT_INDEX_FIELDS) delete copy[key];
  return copy;
}

function outboxEntry(
  entity: EntityName,
  recordId: string,
  op: 'upsert' | 'delete',
  baseRevision: number | null,
  changes: Record<string, unknown>,
  at: number,
): OutboxEntry {
  return { entity, recordId, op, baseRevision, changes: withoutIndexFields(entity, changes), at };
}

function fieldsOf(record: SyncedRecord): Record<string, unknown> {
  return record as unknown as Record<string, unknown>;
}

/** Creates or replaces a record; a local write stamps `updatedAt` and queues the whole record. */
/**
 * A signed bordereau is immutable on this laptop too, whatever path a local write takes
 * (repositories, conflict resolution, imports): only the server's copy may replace it.
 */
function refuseSealed(entity: EntityName, existing: unknown): void {
  if (entity !== 'reports' || typeof existing !== 'object' || existing === null) return;
  // Read loosely: a row is checked before anything else is trusted of it.
  const row = existing as {
    id?: unknown;
    status?: unknown;
    content?: { number?: unknown };
    seal?: { hash?: unknown };
  };
  if (row.status !== 'sealed') return;
  throw new SealedReportError(
    String(row.id),
    String(row.content?.number),
    String(row.seal?.hash ?? ''),
  );
}

export async function putRecord<T extends AnyRecord>(
  db: BordereauDb,
  entity: EntityName,
  record: T,
  options: WriteOptions = {},
): Promise<T> {
  const origin = options.origin ?? 'local';
  const now = options.now ?? Date.now();
  const table = tableOf(db, entity);
  return db.transaction('rw', table, db.outbox, async () => {
    const stored = withIndexFields(
      entity,
      origin === 'local' ? { ...record, updatedAt: now } : record,
    );
    if (origin === 'local') {
      const existing = await table.get(record.id);
      refuseSealed(entity, existing);
      await table.put(stored);
      await db.outbox.add(
        outboxEntry(
          entity,
          record.id,
          'upsert',
          existing?.revision ?? record.revision,
          fieldsOf(stored),
          now,
        ),
      );
    } else {
      await table.put(stored);
    }
    return stored;
  });
}

/**
 * Queues the writes of records just created on this device (fresh UUIDv7 ids, no stored copy)
 * with their creations, in the transaction already open (it must cover the table and the
 * outbox): the creations go in ONE outbox row, with ids from `ids` (outbox-row.ts explains why).
 * The requests are issued before this returns, so a caller can prepare the next batch while
 * the database writes this one; await the promise before relying on them. Such records carry
 * no index fields yet, so their creations take them as they are.
 */
export function queueCreatedRecords<T extends AnyRecord>(
  db: BordereauDb,
  entity: EntityName,
  records: readonly T[],
  now: number,
  ids: MutationIds,
): Promise<T[]> {
  if (records.length === 0) return Promise.resolve([]);
  const synced = records.map((r) => ({ ...r, updatedAt: now }));
  const stored = synced.map((r) => withIndexFields(entity, r));
  const first = ids.take(synced.length);
  const batch: CreationBatchRow = {
    mutationId: first + synced.length - 1,
    entity,
    at: now,
    created: synced.map((r, i) => ({
      mutationId: first + i,
      recordId: r.id,
      changes: fieldsOf(r),
    })),
  };
  // Both go at once: the database works through the records while the batch is still being
  // serialised. Marked as created: the equipment's search keys need not look for an earlier
  // version (equipment-search-keys-middleware.ts).
  return Promise.all([tableOf(db, entity).bulkPut(markCreated(stored)), db.outbox.add(batch)]).then(
    () => stored,
  );
}

/** Writes many records in one transaction: all or none (the CSV import relies on it). */
export async function putRecords<T extends AnyRecord>(
  db: BordereauDb,
  entity: EntityName,
  records: readonly T[],
  options: BulkWriteOptions = {},
): Promise<T[]> {
  const origin = options.origin ?? 'local';
  const now = options.now ?? Date.now();
  const table = tableOf(db, entity);
  return db.transaction('rw', table, db.outbox, async () => {
    if (origin === 'local' && options.created)
      return queueCreatedRecords(db, entity, records, now, await reserveMutationIds(db));
    if (origin === 'local') {
      const synced = records.map((r) => ({ ...r, updatedAt: now }));
      const stored = synced.map((r) => withIndexFields(entity, r));
      const existing = await table.bulkGet(records.map((r) => r.id));
      const entries: OutboxEntry[] = synced.map((r, i) => ({
        entity,
        recordId: r.id,
        op: 'upsert',
        baseRevision: existing[i]?.revision ?? r.revision,
        changes: withoutIndexFields(entity, fieldsOf(r)),
        at: now,
      }));
      await Promise.all([table.bulkPut(stored), db.outbox.bulkAdd(entries)]);
      return stored;
    }
    const stored = records.map((r) => withIndexFields(entity, r));
    await table.bulkPut(stored);
    return stored;
  });
}

/**
 * Changes some fields of a record. `validate` receives the merged record and returns it as
 * it must be stored (a zod parse), throwing to refuse the change: nothing is then written.
 */
export async function updateRecord<T extends AnyRecord>(
  db: BordereauDb,
  entity: EntityName,
  id: string,
  changes: Partial<T>,
  options: WriteOptions & { validate?: (merged: T) => T } = {},
): Promise<T> {
  const origin = options.origin ?? 'local';
  const now = options.now ?? Date.now();
  const table = tableOf(db, entity);
  return db.transaction('rw', table, db.outbox, async () => {
    const existing = (await table.get(id)) as T | undefined;
    if (!existing) throw new RecordNotFoundError(entity, id);
    if (origin === 'local') refuseSealed(entity, existing);
    const stamped: Partial<T> = origin === 'local' ? { ...changes, updatedAt: now } : changes;
    const merged = {
      ...(withoutIndexFields(entity, fieldsOf(existing)) as unknown as T),
      ...stamped,
      id,
    };
    const valid = options.validate ? options.validate(merged) : merged;
    const stored = withIndexFields(entity, valid);
    await table.put(stored);
    if (origin === 'local') {
      const changed = Object.fromEntries(Object.keys(stamped).map((k) => [k, fieldsOf(valid)[k]]));
      await db.outbox.add(outboxEntry(entity, id, 'upsert', existing.revision, changed, now));
    }
    return stored;
  });
}

/** Deletes a record (a no-op for a record already gone); a local delete is queued. */
export async function deleteRecord(
  db: BordereauDb,
  entity: EntityName,
  id: string,
  options: WriteOptions = {},
): Promise<void> {
  const origin = options.origin ?? 'local';
  const now = options.now ?? Date.now();
  const table = tableOf(db, entity);
  await db.transaction('rw', table, db.outbox, async () => {
    const existing = await table.get(id);
    if (!existing) return;
    if (origin === 'local') refuseSealed(entity, existing);
    await table.delete(id);
    if (origin === 'local')
      await db.outbox.add(outboxEntry(entity, id, 'delete', existing.revision, {}, now));
  });
}
