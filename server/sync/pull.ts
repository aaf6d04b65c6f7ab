import type { PulledRecord, PullQuery, PullResponse } from '../../shared/sync/protocol';
import { SYNC_LIMITS } from '../../shared/sync/protocol';
import type { AuthenticatedAccount } from '../auth/tokens';
import type { Database } from '../db/database';
import { forbidden } from '../http/api-error';
import type { CursorPosition } from './cursor';
import { formatCursor, isStart, parseCursor, START } from './cursor';
import { accountScope } from './scope';
import { readPurgeState } from './tombstones';

type PositionRow = { position_txid: string; seq: number; bytes: number };

type Row = {
  entity: string;
  id: string;
  client_id: string | null;
  data: Record<string, unknown> | null;
  revision: number;
  deleted: boolean;
  updated_at: number;
  created_by: string | null;
  updated_by: string | null;
};

/** The account's part of the change stream: its clients' records and the global ones. */
const IN_SCOPE = '($1::uuid[] IS NULL OR client_id IS NULL OR client_id = ANY($1::uuid[]))';

/**
 * A planned job of one of the technician's clients that is not assigned to them ($6: the
 * technician's id, null for the office). It is served as a tombstone: a job reassigned while
 * its first technician was offline thus leaves that laptop at the next pull (the reassignment
 * rewrote it, so it comes again at the head of the stream), and other technicians of the
 * client learn nothing of it but its id.
 */
const NOT_THEIRS = `(entity = 'jobs' AND $6::text IS NOT NULL AND NOT deleted
  AND NOT coalesce(data->'technicianIds' ? $6::text, false))`;

/**
 * One page of the change stream after `cursor`, in (transaction id, sequence) order, within
 * the account's scope.
 *
 * Only changes of transactions older than the snapshot's xmin are served: every transaction
 * below it has finished, so no change can later appear behind the returned cursor (a plain
 * sequence would be skipped by a transaction that drew its number early and committed late).
 * The device's last applied mutation id is read in the same snapshot, bounded the same way.
 *
 * A page holds at most `limit` records and `pageBytes` of record data (at least one record,
 * however large, so the cursor always moves): 5,000 records of 256 KiB would otherwise make
 * more than a gigabyte of JSON. The page is chosen from the positions and sizes of the next
 * `limit` records first, then only its own records' data is read.
 */
export async function pullChanges(
  db: Database,
  account: AuthenticatedAccount,
  query: PullQuery,
  pageBytes: number = SYNC_LIMITS.maxPullPageBytes,
): Promise<PullResponse> {
  return db.transaction(async (tx) => {
    const snapshot = await tx.query<{ xmin: string; xmax: string }>(
      'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, pg_snapshot_xmax(pg_current_snapshot())::text AS xmax',
    );
    const { xmin, xmax } = snapshot.rows[0]!;

    const device = await tx.query<{ account_id: string }>(
      'SELECT account_id FROM devices WHERE device_id = $1',
      [query.deviceId],
    );
    if (device.rows[0] && device.rows[0].account_id !== account.id) {
      throw forbidden('Cet appareil est enregistré pour un autre compte.');
    }

    let from = parseCursor(query.cursor);
    let reset = false;
    const purge = await readPurgeState(tx);
    if (!isStart(from)) {
      const cursorTxid = BigInt(from.txid);
      // Issued before a purge and not past it (a delete may be forgotten), or from another database.
      const missedPurge =
        from.generation < purge.generation && cursorTxid <= purge.purgedThroughTxid;
      if (missedPurge || cursorTxid >= BigInt(xmax)) {
        reset = true;
        from = START;
      }
    }

    const scope = await accountScope(tx, account);
    const scopeIds = scope === null ? null : [...scope];
    const technicianId = account.role === 'office' ? null : account.id;
    // A tombstone is served without its data: it weighs nothing.
    const positions = await tx.query<PositionRow>(
      `SELECT txid::text AS position_txid, seq,
              CASE WHEN deleted OR ${NOT_THEIRS} THEN 0 ELSE octet_length(data::text) END AS bytes
         FROM records
        WHERE ${IN_SCOPE} AND (txid, seq) > ($2::xid8, $3::bigint) AND txid < $4::xid8
        ORDER BY records.txid, records.seq
        LIMIT $5`,
      [scopeIds, from.txid, from.seq, xmin, query.limit + 1, technicianId],
    );
    let taken = 0;
    let bytes = 0;
    for (const position of positions.rows.slice(0, query.limit)) {
      if (taken > 0 && bytes + position.bytes > pageBytes) break;
      bytes += position.bytes;
      taken++;
    }
    const hasMore = positions.rows.length > taken;
    const lastRow = positions.rows[taken - 1];
    // The same snapshot (repeatable read): exactly the records counted above, up to the last.
    const page = lastRow
      ? await tx.query<Row>(
          `SELECT entity, id, client_id,
                  CASE WHEN deleted OR ${NOT_THEIRS} THEN NULL ELSE data END AS data,
                  revision, deleted OR ${NOT_THEIRS} AS deleted, updated_at, created_by, updated_by
             FROM records
            WHERE ${IN_SCOPE} AND (txid, seq) > ($2::xid8, $3::bigint)
              AND (txid, seq) <= ($4::xid8, $5::bigint)
            ORDER BY records.txid, records.seq`,
          [scopeIds, from.txid, from.seq, lastRow.position_txid, lastRow.seq, technicianId],
        )
      : { rows: [] as Row[] };
    const next: CursorPosition = lastRow
      ? { txid: lastRow.position_txid, seq: lastRow.seq, generation: purge.generation }
      : { ...from, generation: purge.generation };

    // Mutations whose transaction is wholly inside what was served: every transaction below
    // xmin on the last page; below the last served transaction otherwise (it may span pages).
    const bound = hasMore && lastRow ? lastRow.position_txid : xmin;
    const applied = await tx.query<{ last: number }>(
      'SELECT coalesce(max(mutation_id), 0) AS last FROM mutation_results WHERE device_id = $1 AND txid < $2::xid8',
      [query.deviceId, bound],
    );

    const records: PulledRecord[] = page.rows.map((r) => ({
      entity: r.entity,
      recordId: r.id,
      clientId: r.client_id,
      revision: r.revision,
      deleted: r.deleted,
      data: r.data,
      updatedAt: r.updated_at,
      createdBy: r.created_by,
      updatedBy: r.updated_by,
    }));
    return {
      reset,
      records,
      cursor: formatCursor(next),
      hasMore,
      lastAppliedMutationId: applied.rows[0]!.last,
      scopeClientIds: scopeIds,
    };
  }, 'repeatable read');
}
