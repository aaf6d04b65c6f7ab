import type { Table } from 'dexie';
import { blobReferences } from '../../shared/sync/blob-references';
import { entityDeclaration } from '../../shared/sync/entity-registry';
import { ENTITY_NAMES } from '../../shared/sync/mutation';
import type { EntityName, Mutation } from '../../shared/sync/mutation';
import type { PulledRecord, PullResponse } from '../../shared/sync/protocol';
import { deleteRecord, putRecords } from '../db/changes';
import type { SyncedRecord } from '../../shared/inventory/record';
import type { BordereauDb, StoredConflict, OutboxEntry } from '../db/database';
import { getDeviceId } from '../db/database';
import { countOutbox, readOutbox, removeOutboxEntries, removeOutboxThrough } from '../db/outbox';
import type { LocalBlob, PageApplication, Rejection, SyncLocalStore } from './local-store';
import type { RefusalMark } from './refusal-marks';
import { isLocalOnly, refusalKey, refusedClientId } from './refusal-marks';
import { DISK_FULL_MESSAGE, isQuotaExceeded, SyncError } from './sync-error';
import { stripEnvelope, tableNameOf, toLocalRecord, toWireChanges } from './wire-record';

import { SYNC_STATE_KEYS } from '../db/sync-state-keys';
export { SYNC_STATE_KEYS };

/** The server's copy of a record received while the device still had unsent changes to it. */
const SHADOW_PREFIX = 'shadow:';
/** The last local copy of a record deleted elsewhere while edited here (see resolve-conflict.ts). */
export const RECOVERY_PREFIX = 'recover:';
const SHA256_HEX = /^[0-9a-f]{64}$/;

type AnyRow = Record<string, unknown> & { id: string };
/** A synced record as this module handles it: the envelope plus any fields. */
type LooseRecord = SyncedRecord & Record<string, unknown>;

/** Tables of the entities whose records name their client (`clientId`). */
const SCOPED_TABLES = ENTITY_NAMES.filter((e) => entityDeclaration(e).scope === 'client').map(
  tableNameOf,
);

/**
 * Rows the server never accepted (no revision), e.g. a bordereau signed here: the only copy of
 * what the client signed. Resyncs, scope changes and refusals never remove them.
 */
async function localOnlyIds(table: Table<AnyRow, string>): Promise<Set<string>> {
  const rows = await table.filter((r) => isLocalOnly(r)).toArray();
  return new Set(rows.map((r) => r.id));
}

function recordKey(entity: string, id: string): string {
  return `${entity}:${id}`;
}

/** Binary content (an attachment's bytes) is local only: JSON never carries it. */
function isBinary(value: unknown): boolean {
  return (
    (typeof Blob !== 'undefined' && value instanceof Blob) ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value)
  );
}

async function bytesOf(value: unknown): Promise<Uint8Array | null> {
  if (typeof Blob !== 'undefined' && value instanceof Blob)
    return new Uint8Array(await value.arrayBuffer());
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value))
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return null;
}

/**
 * The sync engine's storage on this device, over the app's Dexie database. Local records are
 * written through renderer/db/changes.ts with origin 'server' (no outbox entry); everything
 * a pull page changes happens in one transaction with the cursor.
 */
export class DexieSyncStore implements SyncLocalStore {
  constructor(private readonly db: BordereauDb) {}

  deviceId(): Promise<string> {
    return getDeviceId(this.db);
  }

  async outboxAfter(afterId: number, limit: number): Promise<Mutation[]> {
    const entries = await readOutbox(this.db, { after: afterId, limit });
    return entries.map((entry) => ({
      mutationId: entry.mutationId,
      entity: entry.entity,
      recordId: entry.recordId,
      op: entry.op,
      baseRevision: entry.baseRevision,
      changes: entry.op === 'delete' ? {} : toWireChanges(entry.entity, entry.changes),
      at: entry.at,
    }));
  }

  outboxCount(afterId = 0): Promise<number> {
    return countOutbox(this.db, afterId);
  }

  async pushedThrough(): Promise<number> {
    const row = await this.db.syncState.get(SYNC_STATE_KEYS.pushedThrough);
    return typeof row?.value === 'number' ? row.value : 0;
  }

  async setPushedThrough(id: number): Promise<void> {
    await this.db.syncState.put({ key: SYNC_STATE_KEYS.pushedThrough, value: id });
  }

  async blobsFor(mutations: readonly Mutation[]): Promise<LocalBlob[]> {
    const candidates = new Set<string>();
    for (const m of mutations) {
      // The fields each entity declares as blob references (shared/sync/entity-registry.ts),
      // read on the wire's shape as the server reads them: never a hash-like string elsewhere.
      for (const hash of blobReferences(m.entity, m.changes)) candidates.add(hash);
    }
    const rows = (await this.db.attachments.bulkGet([...candidates])) as (AnyRow | undefined)[];
    const blobs = new Map<string, LocalBlob>();
    for (const row of rows) {
      if (!row) continue;
      const sha256 = typeof row['sha256'] === 'string' ? row['sha256'] : row.id;
      if (!SHA256_HEX.test(sha256) || blobs.has(sha256)) continue;
      for (const value of Object.values(row)) {
        const bytes = await bytesOf(value);
        if (bytes) {
          blobs.set(sha256, { sha256, bytes });
          break;
        }
      }
    }
    return [...blobs.values()];
  }

  async recordRejections(
    rejections: readonly Rejection[],
    discardEntryIds: readonly number[] = [],
  ): Promise<void> {
    const db = this.db;
    const tables = [...new Set(rejections.map((r) => tableNameOf(r.entity as EntityName)))].map(
      (name) => db.table(name),
    );
    await db.transaction('rw', [db.syncState, db.outbox, ...tables], async () => {
      const row = await db.syncState.get(SYNC_STATE_KEYS.rejections);
      const list = Array.isArray(row?.value) ? (row.value as Rejection[]) : [];
      await db.syncState.put({ key: SYNC_STATE_KEYS.rejections, value: [...list, ...rejections] });
      if (discardEntryIds.length > 0) await removeOutboxEntries(db, discardEntryIds);
      // Nothing a user made is dropped by a refusal (refusal-marks.ts): every refused record is
      // marked with the reason. One the server never accepted stays exactly as it is; an edit of
      // a record the server has is undone locally (the change is kept above) and the server's
      // copy fetched again, unless later changes to it are still pending.
      let refetch = false;
      for (const r of rejections) {
        const table = db.table(tableNameOf(r.entity as EntityName));
        const local = (await table.get(r.recordId)) as Record<string, unknown> | undefined;
        const localOnly = local === undefined || isLocalOnly(local);
        const mark: RefusalMark = {
          entity: r.entity as EntityName,
          recordId: r.recordId,
          clientId: refusedClientId(r.entity, r.recordId, local, r.changes),
          reason: r.reason,
          message: r.message,
          at: r.at,
          localOnly,
        };
        await db.syncState.put({ key: refusalKey(r.entity, r.recordId), value: mark });
        if (localOnly) continue;
        // Through the recordId index: creation batches (outbox-row.ts) are left out, rightly, as
        // they only hold a record's first change.
        const later = await db.outbox
          .where('recordId')
          .equals(r.recordId)
          .filter((e) => (e.mutationId ?? 0) > r.mutationId)
          .count();
        if (later > 0) continue;
        await table.delete(r.recordId);
        refetch = true;
      }
      if (refetch) await db.syncState.put({ key: SYNC_STATE_KEYS.resync, value: true });
    });
  }

  async noteConflicts(records: readonly { entity: string; recordId: string }[]): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.syncState, async () => {
      const row = await db.syncState.get(SYNC_STATE_KEYS.conflicted);
      const keys = new Set(Array.isArray(row?.value) ? (row.value as string[]) : []);
      for (const r of records) keys.add(recordKey(r.entity, r.recordId));
      await db.syncState.put({ key: SYNC_STATE_KEYS.conflicted, value: [...keys] });
    });
  }

  async pullPosition(): Promise<{ cursor: string; resync: boolean }> {
    const [cursor, resync] = await this.db.syncState.bulkGet([
      SYNC_STATE_KEYS.cursor,
      SYNC_STATE_KEYS.resync,
    ]);
    return {
      cursor: typeof cursor?.value === 'string' ? cursor.value : '0',
      resync: resync?.value === true,
    };
  }

  async markSynced(at: number): Promise<void> {
    await this.db.syncState.put({ key: SYNC_STATE_KEYS.lastSuccessAt, value: at });
  }

  async applyPullPage(page: PullResponse, options: PageApplication): Promise<number> {
    const db = this.db;
    const tables = [...new Set(ENTITY_NAMES.map(tableNameOf))].map((name) => db.table(name));
    try {
      return await db.transaction('rw', [db.outbox, db.syncState, ...tables], async () => {
        // Changes the server has applied are now visible in what was pulled: stop resending them.
        const acknowledged = new Set<string>();
        if (page.lastAppliedMutationId > 0) {
          for (const entry of await removeOutboxThrough(db, page.lastAppliedMutationId))
            acknowledged.add(recordKey(entry.entity, entry.recordId));
        }
        const pending = await this.pendingKeys();
        const conflictedRow = await db.syncState.get(SYNC_STATE_KEYS.conflicted);
        const conflicted = new Set(
          Array.isArray(conflictedRow?.value) ? (conflictedRow.value as string[]) : [],
        );
        const shadows = new Set(
          (await db.syncState.where('key').startsWith(SHADOW_PREFIX).primaryKeys()).map(String),
        );

        if (page.reset || options.forceReset) {
          await this.dropSyncedRecords(pending);
          await db.syncState.bulkDelete([...shadows]);
          shadows.clear();
        }
        if (page.scopeClientIds) await this.applyScope(page.scopeClientIds);

        const writes = new Map<EntityName, LooseRecord[]>();
        const deletes: PulledRecord[] = [];
        const shadowPuts: { key: string; value: PulledRecord }[] = [];
        for (const record of page.records) {
          if (!(ENTITY_NAMES as readonly string[]).includes(record.entity)) continue;
          const entity = record.entity as EntityName;
          const key = recordKey(entity, record.recordId);
          const entries = pending.get(key);
          if (entries) {
            shadowPuts.push({ key: SHADOW_PREFIX + key, value: record });
            shadows.add(SHADOW_PREFIX + key);
            const overlay = record.deleted ? null : overlayPending(record, entries);
            // A server tombstone under a pending edit: the local edit stays until the push decides.
            if (overlay === 'deleted') deletes.push(record);
            else if (overlay) pushTo(writes, entity, overlay);
            continue;
          }
          if (shadows.delete(SHADOW_PREFIX + key)) await db.syncState.delete(SHADOW_PREFIX + key);
          if (record.deleted) deletes.push(record);
          else pushTo(writes, entity, toLocalRecord(record) as LooseRecord);
        }
        if (shadowPuts.length > 0) await db.syncState.bulkPut(shadowPuts);

        // The server's copies kept aside while local changes were pending: once those changes
        // are acknowledged, the server's copy (or a newer one) is the truth again.
        const settled = [...shadows].filter((k) => !pending.has(k.slice(SHADOW_PREFIX.length)));
        if (settled.length > 0) {
          const rows = await db.syncState.bulkGet(settled);
          for (const row of rows) {
            const record = row?.value as PulledRecord | undefined;
            if (!record) continue;
            if (record.deleted) deletes.push(record);
            else pushTo(writes, record.entity as EntityName, toLocalRecord(record) as LooseRecord);
          }
          await db.syncState.bulkDelete(settled);
        }

        let written = 0;
        for (const [entity, records] of writes)
          written += await this.writeServerRecords(entity, records);
        for (const record of deletes) {
          const key = recordKey(record.entity, record.recordId);
          // Deleted elsewhere while edited here: the server recorded a conflict; keep the last
          // local copy so "keep mine" can bring the whole record back, not just the edited fields.
          if (record.deleted && acknowledged.has(key) && conflicted.has(key)) {
            const local = await db
              .table(tableNameOf(record.entity as EntityName))
              .get(record.recordId);
            if (local) await db.syncState.put({ key: RECOVERY_PREFIX + key, value: local });
          }
          await this.deleteServerRecord(record.entity as EntityName, record.recordId);
          written++;
        }

        await db.syncState.put({ key: SYNC_STATE_KEYS.cursor, value: page.cursor });
        if (!page.hasMore) {
          await db.syncState.delete(SYNC_STATE_KEYS.resync);
          await db.syncState.delete(SYNC_STATE_KEYS.restoredUnsynced);
          // Outcomes seen: forget them, except for changes the server has not yet shown applied.
          const unsettled = [...conflicted].filter((key) => pending.has(key));
          if (unsettled.length > 0)
            await db.syncState.put({ key: SYNC_STATE_KEYS.conflicted, value: unsettled });
          else await db.syncState.delete(SYNC_STATE_KEYS.conflicted);
          // The server forgot what it had applied (restored from a backup): send again what it lacks.
          const pushed = await db.syncState.get(SYNC_STATE_KEYS.pushedThrough);
          if (typeof pushed?.value === 'number' && pushed.value > page.lastAppliedMutationId) {
            await db.syncState.put({
              key: SYNC_STATE_KEYS.pushedThrough,
              value: page.lastAppliedMutationId,
            });
          }
        }
        return written;
      });
    } catch (error) {
      // The transaction was aborted: nothing of this page is stored and the cursor did not move.
      if (isQuotaExceeded(error)) throw new SyncError('disk_full', DISK_FULL_MESSAGE);
      throw error;
    }
  }

  /** Record keys ("entity:id") with outbox entries, with those entries in order. */
  private async pendingKeys(): Promise<Map<string, OutboxEntry[]>> {
    const map = new Map<string, OutboxEntry[]>();
    for (const entry of await readOutbox(this.db)) {
      const key = recordKey(entry.entity, entry.recordId);
      const list = map.get(key);
      if (list) list.push(entry);
      else map.set(key, [entry]);
    }
    return map;
  }

  private async dropSyncedRecords(pending: ReadonlyMap<string, OutboxEntry[]>): Promise<void> {
    for (const entity of ENTITY_NAMES) {
      const table = this.db.table(tableNameOf(entity)) as Table<AnyRow, string>;
      // Rows the server never accepted exist on this laptop only (refused, or accepted for a
      // client out of this account's scope): a resync never removes them.
      const kept = await localOnlyIds(table);
      const keys = (await table.toCollection().primaryKeys()).filter(
        (id) => !pending.has(recordKey(entity, String(id))) && !kept.has(String(id)),
      );
      await table.bulkDelete(keys);
    }
  }

  /** A client no longer assigned to this technician: its data leaves the laptop. */
  private async applyScope(scopeClientIds: readonly string[]): Promise<void> {
    const db = this.db;
    const signature = [...scopeClientIds].sort().join(',');
    const previous = await db.syncState.get(SYNC_STATE_KEYS.scope);
    if (previous?.value === signature) return;
    const scope = new Set(scopeClientIds);
    // What this laptop made and the server never accepted stays (refusal-marks.ts).
    await db.clients.filter((c) => !scope.has(c.id) && !isLocalOnly(c)).delete();
    for (const name of SCOPED_TABLES) {
      await (db.table(name) as Table<AnyRow, string>)
        .filter(
          (r) => typeof r['clientId'] === 'string' && !scope.has(r['clientId']) && !isLocalOnly(r),
        )
        .delete();
    }
    await db.syncState.put({ key: SYNC_STATE_KEYS.scope, value: signature });
  }

  private async writeServerRecords(entity: EntityName, records: LooseRecord[]): Promise<number> {
    const db = this.db;
    if (entity === 'syncConflicts') {
      await db.conflicts.bulkPut(
        records.map(
          (r) =>
            // As the server wrote it (server/sync/apply-mutation.ts), checked against its schema.
            ({
              ...r,
              entity: String(r['entity']),
              recordId: String(r['recordId']),
              createdAt: typeof r['detectedAt'] === 'number' ? r['detectedAt'] : r.updatedAt,
            }) as unknown as StoredConflict,
        ),
      );
      return records.length;
    }
    let stored = records;
    if (entity === 'attachments') {
      // Keep the bytes this laptop already has: the server sends the attachment's description only.
      const existing = (await db.attachments.bulkGet(records.map((r) => r.id))) as (
        AnyRow | undefined
      )[];
      stored = records.map((r, i) => {
        const local = existing[i];
        if (!local) return r;
        const binary = Object.fromEntries(
          Object.entries(local).filter(([k, v]) => isBinary(v) && !(k in r)),
        );
        return { ...r, ...binary };
      });
    }
    await putRecords(db, entity, stored, { origin: 'server' });
    return records.length;
  }

  private async deleteServerRecord(entity: EntityName, id: string): Promise<void> {
    if (entity === 'syncConflicts') await this.db.conflicts.delete(id);
    else await deleteRecord(this.db, entity, id, { origin: 'server' });
  }
}

function pushTo(
  map: Map<EntityName, LooseRecord[]>,
  entity: EntityName,
  record: LooseRecord,
): void {
  const list = map.get(entity);
  if (list) list.push(record);
  else map.set(entity, [record]);
}

/**
 * The server's record with this device's unsent changes laid over it, so the screens keep
 * showing what the user did; 'deleted' when the user deleted it.
 */
function overlayPending(
  record: PulledRecord,
  entries: readonly OutboxEntry[],
): LooseRecord | 'deleted' {
  let local: Record<string, unknown> | null = toLocalRecord(record);
  for (const entry of entries) {
    if (entry.op === 'delete') local = null;
    else local = { ...(local ?? { id: record.recordId }), ...stripEnvelope(entry.changes) };
  }
  if (!local) return 'deleted';
  return {
    ...local,
    id: record.recordId,
    revision: record.revision,
    updatedAt: Math.max(record.updatedAt, entries[entries.length - 1]!.at),
  } as LooseRecord;
}
