import type { PulledRecord, PullQuery, PullResponse } from '../../shared/sync/protocol';
import type { AuthenticatedAccount } from '../auth/tokens';
import type { Database } from '../db/database';
import { forbidden } from '../http/api-error';
import type { CursorPosition } from './cursor';
import { formatCursor, isStart, parseCursor, START } from './cursor';
import { accountScope } from './scope';
import { readPurgeState } from './tombstones';

type Row = {
  entity: string;
  id: string;
  client_id: string | null;
  data: Record<string, unknown>;
  revision: number;
  deleted: boolean;
  updated_at: number;
  position_txid: string;
  seq: number;
};

/**
 * One page of the change stream after `cursor`, in (transaction id, sequence) order, within
 * the account's scope.
 *
 * Only changes of transactions older than the snapshot's xmin are served: every transaction
 * below it has finished, so no change can later appear behind the returned cursor (a plain
 * sequence would be skipped by a transaction that drew its number early and committed late).
 * The device's last applied mutation id is read in the same snapshot, bounded the same way.
 */
export async function pullChanges(
  db: Database,
  account: AuthenticatedAccount,
  query: PullQuery,
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
    const rows = await tx.query<Row>(
      `SELECT entity, id, client_id, data, revision, deleted, updated_at, txid::text AS position_txid, seq
         FROM records
        WHERE (txid, seq) > ($1::xid8, $2::bigint) AND txid < $3::xid8
          AND ($4::uuid[] IS NULL OR client_id IS NULL OR client_id = ANY($4::uuid[]))
        ORDER BY records.txid, records.seq
        LIMIT $5`,
      [from.txid, from.seq, xmin, scopeIds, query.limit + 1],
    );
    const hasMore = rows.rows.length > query.limit;
    const page = hasMore ? rows.rows.slice(0, query.limit) : rows.rows;
    const lastRow = page[page.length - 1];
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

    const records: PulledRecord[] = page.map((r) => ({
      entity: r.entity,
      recordId: r.id,
      clientId: r.client_id,
      revision: r.revision,
      deleted: r.deleted,
      data: r.deleted ? null : r.data,
      updatedAt: r.updated_at,
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
