import type { Mutation } from '../../shared/sync/mutation';
import type { PullResponse, RejectionReason } from '../../shared/sync/protocol';

/** A blob an outgoing mutation refers to, uploaded (idempotently) before the mutation. */
export interface LocalBlob {
  readonly sha256: string;
  readonly bytes: Uint8Array;
}

/** A mutation the server refused for good: kept for the user with what it carried. */
export interface Rejection {
  readonly mutationId: number;
  readonly entity: string;
  readonly recordId: string;
  /** Null when the refusal's reply was lost and only the fact of it came back. */
  readonly reason: RejectionReason | null;
  readonly message: string;
  readonly changes: Record<string, unknown>;
  readonly at: number;
}

export interface PageApplication {
  /** The first page of a pull that must start from scratch (local resync requested). */
  readonly forceReset: boolean;
  readonly now: number;
}

/**
 * What the sync engine needs from the device's storage. The engine never touches Dexie:
 * the Dexie adapter (dexie-sync-store.ts) implements this, tests may implement it in memory.
 */
export interface SyncLocalStore {
  deviceId(): Promise<string>;
  /** Outbox entries with an id above `afterId`, oldest first, as wire mutations. */
  outboxAfter(afterId: number, limit: number): Promise<Mutation[]>;
  /** Outbox entries with an id above `afterId`. */
  outboxCount(afterId: number): Promise<number>;
  /**
   * Every outbox entry up to this id has been answered by the server (the entries stay in the
   * outbox until a pull shows their effect, but are not sent again).
   */
  pushedThrough(): Promise<number>;
  setPushedThrough(id: number): Promise<void>;
  /** Blobs the mutations reference that the server may not have yet. */
  blobsFor(mutations: readonly Mutation[]): Promise<LocalBlob[]>;
  /**
   * Keeps the refused changes for the user and makes the next pull start over. Entries the
   * device itself found unsendable are removed from the outbox (`discardEntryIds`) in the
   * same transaction; those the server refused leave with the pull, like any other.
   */
  recordRejections(
    rejections: readonly Rejection[],
    discardEntryIds?: readonly number[],
  ): Promise<void>;
  /**
   * Remembers records whose change the server answered with a conflict, until the next
   * pull has shown the outcome (a record deleted elsewhere is then kept aside for the user).
   */
  noteConflicts(records: readonly { entity: string; recordId: string }[]): Promise<void>;
  /** Where the next pull starts, and whether a full resync was requested. */
  pullPosition(): Promise<{ cursor: string; resync: boolean }>;
  /**
   * Applies one pull page atomically: records, tombstones, outbox acknowledgement, scope and
   * cursor in one transaction (all or nothing). Returns how many records were written.
   */
  applyPullPage(page: PullResponse, options: PageApplication): Promise<number>;
  /** Called once a whole cycle (push + every pull page) succeeded. */
  markSynced(at: number): Promise<void>;
}
