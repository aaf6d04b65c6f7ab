import type { EntityName, Mutation } from '../../shared/sync/mutation';

/** One queued change: a mutation whose `mutationId` IndexedDB assigns when it is added. */
export type OutboxEntry = Omit<Mutation, 'mutationId'> & { mutationId?: number };

/** A queued change as read back: its id is known. */
export type QueuedEntry = OutboxEntry & { readonly mutationId: number };

/** One record created by an import, inside a creation batch (its whole record, as synced). */
export interface BatchedCreation {
  readonly mutationId: number;
  readonly recordId: string;
  readonly changes: Record<string, unknown>;
}

/**
 * The creations of an import batch (up to a thousand records) in ONE outbox row rather than
 * one row each. On disk, Chromium's IndexedDB costs about the same per row whatever its size:
 * a row per created record doubled the rows an import writes, and was 40 % of a 10,000-row
 * import (docs/benchmarks.md, Inventory on disk). Each creation keeps its own mutation id
 * (reserved in order, see outbox.ts), so what is pushed is exactly the mutations one row each
 * would have given: the server and the protocol do not know the difference.
 *
 * The row's key is its LAST creation's id, so a read of the rows above an id (the push's
 * watermark) finds a batch partly pushed; `created` is in id order.
 */
export interface CreationBatchRow {
  mutationId: number;
  readonly entity: EntityName;
  readonly at: number;
  readonly created: readonly BatchedCreation[];
}

/** What the outbox table holds: single changes, and import batches of creations. */
export type OutboxRow = OutboxEntry | CreationBatchRow;

export function isCreationBatch(row: OutboxRow): row is CreationBatchRow {
  return 'created' in row;
}

/** The changes a row holds, each with its id, in id order. */
export function entriesOf(row: OutboxRow): QueuedEntry[] {
  if (!isCreationBatch(row)) return [{ ...row, mutationId: row.mutationId ?? 0 }];
  return row.created.map((c) => ({
    mutationId: c.mutationId,
    entity: row.entity,
    recordId: c.recordId,
    op: 'upsert',
    baseRevision: null,
    changes: c.changes,
    at: row.at,
  }));
}
