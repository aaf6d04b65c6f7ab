import type { BordereauDb } from './database';
import { entriesOf, isCreationBatch } from './outbox-row';
import type { CreationBatchRow, QueuedEntry } from './outbox-row';

/**
 * Reading and settling the outbox whatever its rows are (single changes or creation batches,
 * outbox-row.ts): every reader that needs the changes themselves goes through here, so a batch
 * is never mistaken for one change.
 */

/** The queued changes above `after`, in id order; at most `limit` of them. */
export async function readOutbox(
  db: BordereauDb,
  options: { after?: number; limit?: number } = {},
): Promise<QueuedEntry[]> {
  const after = options.after ?? 0;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const above = db.outbox.where('mutationId').above(after);
  // Each row holds at least one change above `after`: `limit` rows are always enough.
  const rows = await (Number.isFinite(limit) ? above.limit(limit) : above).toArray();
  const entries: QueuedEntry[] = [];
  for (const row of rows) {
    for (const entry of entriesOf(row)) {
      if (entry.mutationId <= after) continue;
      if (entries.length === limit) return entries;
      entries.push(entry);
    }
  }
  return entries;
}

/** How many changes are queued above `after`. */
export async function countOutbox(db: BordereauDb, after = 0): Promise<number> {
  let count = 0;
  await db.outbox
    .where('mutationId')
    .above(after)
    .each((row) => {
      count += isCreationBatch(row) ? row.created.filter((c) => c.mutationId > after).length : 1;
    });
  return count;
}

/**
 * Removes every change up to `id` (the server has applied them) and returns them. A creation
 * batch the id falls inside keeps its later creations. Call inside a transaction on the outbox.
 */
export async function removeOutboxThrough(db: BordereauDb, id: number): Promise<QueuedEntry[]> {
  const through = db.outbox.where('mutationId').belowOrEqual(id);
  const removed = (await through.toArray()).flatMap(entriesOf);
  await through.delete();
  const straddling = await db.outbox.where('mutationId').above(id).first();
  if (straddling && isCreationBatch(straddling) && straddling.created[0]!.mutationId <= id) {
    removed.push(
      ...entriesOf({
        ...straddling,
        created: straddling.created.filter((c) => c.mutationId <= id),
      }),
    );
    // Same key (its last creation is above `id`): the row is replaced in place.
    await db.outbox.put({
      ...straddling,
      created: straddling.created.filter((c) => c.mutationId > id),
    });
  }
  return removed;
}

/**
 * Removes these changes wherever they are (single rows or inside creation batches). Call
 * inside a transaction on the outbox.
 */
export async function removeOutboxEntries(db: BordereauDb, ids: readonly number[]): Promise<void> {
  const gone = new Set(ids);
  const batches = new Map<number, CreationBatchRow>();
  const singles: number[] = [];
  for (const id of gone) {
    // The row holding `id` is the first whose key (its last change's id) is not below it.
    const row = await db.outbox.where('mutationId').aboveOrEqual(id).first();
    if (!row) continue;
    if (!isCreationBatch(row)) {
      if (row.mutationId === id) singles.push(id);
    } else if (row.created.some((c) => c.mutationId === id)) {
      batches.set(row.mutationId, row);
    }
  }
  await db.outbox.bulkDelete(singles);
  for (const [key, row] of batches) {
    const kept = row.created.filter((c) => !gone.has(c.mutationId));
    await db.outbox.delete(key);
    // Keyed again by its last remaining creation, below the generator's number: the ids that
    // follow are unchanged.
    if (kept.length > 0)
      await db.outbox.add({ ...row, mutationId: kept[kept.length - 1]!.mutationId, created: kept });
  }
}

/** Hands out mutation ids in order for the creation batches of one transaction. */
export interface MutationIds {
  /** The first of `count` consecutive ids, after any handed out before. */
  take(count: number): number;
}

/**
 * Mutation ids for creation batches, read from the outbox's own key generator so they follow
 * every id this device ever used (the server applies a device's changes in id order and once
 * per id: reusing an id already pushed would lose the change). IndexedDB exposes no way to
 * read the generator: one row is added and removed for its id. Writing a batch row with an
 * explicit key moves the generator past it (the IndexedDB spec's "possibly update the key
 * generator"), so later single changes get later ids.
 *
 * Call inside a write transaction on the outbox, and write the batches before any other
 * change is added in it: a single change added in between would take an id of the range.
 */
export async function reserveMutationIds(db: BordereauDb): Promise<MutationIds> {
  const probe = await db.outbox.add({
    entity: 'equipment',
    recordId: '00000000-0000-7000-8000-000000000000',
    op: 'delete',
    baseRevision: null,
    changes: {},
    at: 0,
  });
  await db.outbox.delete(probe);
  let next = probe;
  return {
    take(count) {
      const first = next;
      next += count;
      return first;
    },
  };
}
