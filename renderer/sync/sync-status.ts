import type { SyncProgress } from './sync-engine';
import type { SyncErrorKind } from './sync-error';

/** What the status screen shows about the engine (the counts come from the database). */
export interface SyncStatus {
  readonly running: boolean;
  readonly progress: SyncProgress | null;
  readonly lastError: {
    readonly kind: SyncErrorKind;
    readonly message: string;
    readonly at: number;
  } | null;
  /** Consecutive failures (0 after a success). */
  readonly failures: number;
  /** When the scheduler will try again on its own; null when it waits for the user. */
  readonly nextAttemptAt: number | null;
  readonly lastResult: {
    readonly at: number;
    readonly pushed: number;
    readonly pulled: number;
    readonly conflicts: number;
    readonly rejected: number;
  } | null;
}

export const IDLE_STATUS: SyncStatus = {
  running: false,
  progress: null,
  lastError: null,
  failures: 0,
  nextAttemptAt: null,
  lastResult: null,
};

/** A tiny observable for useSyncExternalStore: one snapshot object, replaced on each change. */
export class SyncStatusStore {
  private snapshot: SyncStatus = IDLE_STATUS;
  private readonly listeners = new Set<() => void>();

  get = (): SyncStatus => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(change: Partial<SyncStatus>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
