import { backoffDelay } from './backoff';
import type { SyncCycleResult, SyncProgress } from './sync-engine';
import { SyncError, toSyncError } from './sync-error';
import type { SyncStatusStore } from './sync-status';

export interface SchedulerClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerOptions {
  /** One sync cycle; reports progress through the callback. */
  readonly run: (onProgress: (progress: SyncProgress) => void) => Promise<SyncCycleResult>;
  readonly status: SyncStatusStore;
  readonly clock: SchedulerClock;
  readonly random: () => number;
  /** Calls back when the network comes back; returns the unsubscribe. */
  readonly onOnline?: (callback: () => void) => () => void;
  /** Routine sync period. */
  readonly intervalMs?: number;
  readonly backoffBaseMs?: number;
  readonly backoffCapMs?: number;
}

export type SyncTrigger = 'start' | 'online' | 'timer' | 'manual' | 'change';

/**
 * Decides when to sync: at start, when the network returns, every few minutes and on
 * demand; after a failure, again after an exponential backoff with full jitter (5 s doubling
 * up to 5 min). One cycle at a time: a request during a cycle runs one more cycle after it.
 * Errors that need the user (log in again, update the app) stop the automatic retries until
 * the next manual sync or reconnection.
 */
export class SyncScheduler {
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly options: SchedulerOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.options.onOnline?.(() => this.requestSync('online')) ?? null;
    this.requestSync('start');
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.clearTimer();
    this.options.status.update({ nextAttemptAt: null });
  }

  /** Starts a cycle now, or right after the one running. Resolves when that cycle is over. */
  requestSync(_trigger: SyncTrigger = 'manual'): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.clearTimer();
    this.running = this.cycle().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.requestSync('change');
      }
    });
    return this.running;
  }

  private async cycle(): Promise<void> {
    const { status, clock } = this.options;
    status.update({ running: true, progress: null, nextAttemptAt: null });
    try {
      const result = await this.options.run((progress) => status.update({ progress }));
      status.update({
        running: false,
        progress: null,
        failures: 0,
        lastError: null,
        lastResult: {
          at: clock.now(),
          pushed: result.pushed,
          pulled: result.pulled,
          conflicts: result.conflicts,
          rejected: result.rejected,
        },
      });
      this.schedule(this.options.intervalMs ?? 5 * 60_000);
    } catch (error) {
      const failure = error instanceof SyncError ? error : toSyncError(error);
      const failures = status.get().failures + 1;
      status.update({
        running: false,
        progress: null,
        failures,
        lastError: { kind: failure.kind, message: failure.message, at: clock.now() },
      });
      if (failure.retryable) {
        this.schedule(
          backoffDelay(
            failures,
            this.options.random,
            this.options.backoffBaseMs,
            this.options.backoffCapMs,
          ),
        );
      }
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.clearTimer();
    const { clock, status } = this.options;
    status.update({ nextAttemptAt: clock.now() + delayMs });
    this.timer = clock.setTimeout(() => {
      this.timer = null;
      void this.requestSync('timer');
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
