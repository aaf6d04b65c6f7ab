import type { Database, Queryable } from '../db/database';

/** sync_state keys: the highest transaction id whose tombstones were purged, and how many purges ran. */
const PURGED_THROUGH_KEY = 'tombstones_purged_through_txid';
const GENERATION_KEY = 'tombstone_purge_generation';

export type PurgeState = { purgedThroughTxid: bigint; generation: number };

export async function readPurgeState(tx: Queryable): Promise<PurgeState> {
  const rows = await tx.query<{ key: string; value: string }>(
    'SELECT key, value FROM sync_state WHERE key IN ($1, $2)',
    [PURGED_THROUGH_KEY, GENERATION_KEY],
  );
  const value = (key: string) => rows.rows.find((r) => r.key === key)?.value ?? '0';
  return {
    purgedThroughTxid: BigInt(value(PURGED_THROUGH_KEY)),
    generation: Number(value(GENERATION_KEY)),
  };
}

/**
 * Forgets tombstones older than the retention (longer than any laptop stays offline). A device
 * whose cursor was issued before this purge and is not past the purged transactions is told
 * to resync from scratch (it may have missed a delete).
 */
export async function purgeTombstones(
  db: Database,
  now: number,
  retentionMs: number,
): Promise<number> {
  return db.transaction(async (tx) => {
    const purged = await tx.query<{ txid: string }>(
      'DELETE FROM records WHERE deleted AND updated_at < $1 RETURNING txid::text AS txid',
      [now - retentionMs],
    );
    if (purged.rows.length === 0) return 0;
    const state = await readPurgeState(tx);
    const highest = purged.rows
      .map((r) => BigInt(r.txid))
      .reduce((a, b) => (a > b ? a : b), state.purgedThroughTxid);
    const upsert = `INSERT INTO sync_state (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`;
    await tx.query(upsert, [PURGED_THROUGH_KEY, highest.toString()]);
    await tx.query(upsert, [GENERATION_KEY, String(state.generation + 1)]);
    return purged.rows.length;
  });
}
