import type { Queryable } from '../db/database';

/** What a record is, read or written. */
type RecordFields = {
  entity: string;
  id: string;
  clientId: string | null;
  data: Record<string, unknown>;
  fieldRevisions: Record<string, number>;
  revision: number;
  deleted: boolean;
};

/** A row of `records` as the sync code handles it. */
export type StoredRecord = RecordFields & { sealed: boolean };

/** A record to write: sealed when it carries its seal hash. */
export type RecordWrite = RecordFields & { sealHash: string | null };

/** The columns read back into a `Row`, from `records` aliased `r`. */
const RECORD_COLUMNS =
  'r.entity, r.id, r.client_id, r.data, r.field_revisions, r.revision, r.deleted, r.sealed';

type Row = {
  entity: string;
  id: string;
  client_id: string | null;
  data: Record<string, unknown>;
  field_revisions: Record<string, number>;
  revision: number;
  deleted: boolean;
  sealed: boolean;
};

function fromRow(row: Row): StoredRecord {
  return {
    entity: row.entity,
    id: row.id,
    clientId: row.client_id,
    data: row.data,
    fieldRevisions: row.field_revisions,
    revision: row.revision,
    deleted: row.deleted,
    sealed: row.sealed,
  };
}

const key = (entity: string, id: string) => `${entity}/${id}`;

/**
 * The records a batch touches, read and locked (FOR UPDATE, until the transaction ends) in
 * one statement up front, in a fixed order so that concurrent batches queue instead of
 * deadlocking; then kept current as the batch writes them.
 */
export class BatchRecords {
  private readonly known = new Map<string, StoredRecord | null>();

  static async lock(
    tx: Queryable,
    targets: readonly { entity: string; recordId: string }[],
  ): Promise<BatchRecords> {
    const batch = new BatchRecords();
    if (targets.length === 0) return batch;
    const result = await tx.query<Row>(
      `SELECT ${RECORD_COLUMNS}
         FROM records r JOIN unnest($1::text[], $2::uuid[]) AS t(entity, id) ON r.entity = t.entity AND r.id = t.id
        ORDER BY r.entity, r.id
        FOR UPDATE OF r`,
      [targets.map((t) => t.entity), targets.map((t) => t.recordId)],
    );
    for (const t of targets) batch.known.set(key(t.entity, t.recordId), null);
    for (const row of result.rows) batch.known.set(key(row.entity, row.id), fromRow(row));
    return batch;
  }

  /** The record as this transaction sees it (null: it does not exist). */
  async get(tx: Queryable, entity: string, id: string): Promise<StoredRecord | null> {
    const k = key(entity, id);
    if (this.known.has(k)) return this.known.get(k) ?? null;
    const result = await tx.query<Row>(
      `SELECT ${RECORD_COLUMNS}
         FROM records r WHERE r.entity = $1 AND r.id = $2 FOR UPDATE`,
      [entity, id],
    );
    const record = result.rows[0] ? fromRow(result.rows[0]) : null;
    this.known.set(k, record);
    return record;
  }

  /** Drops what is known of a record (a write rolled back to a savepoint): read again next time. */
  forget(entity: string, id: string): void {
    this.known.delete(key(entity, id));
  }

  remember(write: RecordWrite): void {
    const { sealHash, ...fields } = write;
    this.known.set(key(write.entity, write.id), { ...fields, sealed: sealHash !== null });
  }
}

/**
 * Writes a record and moves it to the head of the change stream (this transaction's id, next
 * sequence number). A new record is a plain INSERT: if another transaction created the same id
 * meanwhile, the unique violation aborts the batch (temporary) and the retry merges against it
 * instead of overwriting it.
 */
export async function writeRecord(
  tx: Queryable,
  write: RecordWrite,
  now: number,
  isNew: boolean,
  /** The pushing account, stamped as the record's author (created_by on creation, updated_by). */
  accountId: string,
): Promise<void> {
  const params = [
    write.entity,
    write.id,
    write.clientId,
    JSON.stringify(write.data),
    JSON.stringify(write.fieldRevisions),
    write.revision,
    write.deleted,
    write.sealHash !== null,
    write.sealHash,
    now,
    accountId,
  ];
  if (isNew) {
    await tx.query(
      `INSERT INTO records (entity, id, client_id, data, field_revisions, revision, deleted, sealed, seal_hash, created_at, updated_at, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $11)`,
      params,
    );
    return;
  }
  await tx.query(
    `UPDATE records SET client_id = $3, data = $4, field_revisions = $5, revision = $6, deleted = $7, sealed = $8,
            seal_hash = $9, updated_at = $10, updated_by = $11, txid = pg_current_xact_id(), seq = nextval('change_seq')
      WHERE entity = $1 AND id = $2`,
    params,
  );
}
