import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../renderer/sync/backoff';
import type { SyncCycleResult } from '../../../renderer/sync/sync-engine';
import { SyncError } from '../../../renderer/sync/sync-error';
import { SyncScheduler } from '../../../renderer/sync/sync-scheduler';
import { SyncStatusStore } from '../../../renderer/sync/sync-status';

const OK: SyncCycleResult = { pushed: 1, pulled: 2, conflicts: 0, rejected: 0, pages: 1 };

/** A manual clock: timers fire only when the test advances time. */
class FakeClock {
  time = 0;
  private timers: { at: number; run: () => void; id: number }[] = [];
  private nextId = 1;
  now = () => this.time;
  setTimeout = (run: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, run, id });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };
  pending(): number[] {
    return this.timers.map((t) => t.at - this.time);
  }
  async advance(ms: number): Promise<void> {
    this.time += ms;
    const due = this.timers.filter((t) => t.at <= this.time);
    this.timers = this.timers.filter((t) => t.at > this.time);
    for (const t of due) t.run();
    await flush();
  }
}

const flush = () => new Promise((done) => setTimeout(done, 0));

function setup(run: () => Promise<SyncCycleResult>, random = () => 1) {
  const clock = new FakeClock();
  const status = new SyncStatusStore();
  let online: (() => void) | null = null;
  const scheduler = new SyncScheduler({
    run: () => run(),
    status,
    clock,
    random,
    intervalMs: 300_000,
    backoffBaseMs: 5_000,
    backoffCapMs: 300_000,
    onOnline: (cb) => {
      online = cb;
      return () => (online = null);
    },
  });
  return { clock, status, scheduler, goOnline: () => online?.() };
}

describe('backoffDelay', () => {
  it('doubles from 5 s up to a 5 min cap, with full jitter', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map((a) => backoffDelay(a, () => 0.999999))).toEqual([
      4999, 9999, 19999, 39999, 299999, 299999, 299999,
    ]);
    expect(backoffDelay(3, () => 0)).toBe(0);
    expect(backoffDelay(2, () => 0.5)).toBe(5000);
  });
});

describe('SyncScheduler', () => {
  it('syncs at start, then on the timer', async () => {
    let runs = 0;
    const { clock, status, scheduler } = setup(async () => (runs++, OK));
    scheduler.start();
    await flush();
    expect(runs).toBe(1);
    expect(status.get()).toMatchObject({
      running: false,
      failures: 0,
      lastError: null,
      nextAttemptAt: 300_000,
    });
    expect(status.get().lastResult).toMatchObject({ pushed: 1, pulled: 2 });
    await clock.advance(299_999);
    expect(runs).toBe(1);
    await clock.advance(1);
    expect(runs).toBe(2);
    scheduler.stop();
  });

  it('retries a temporary failure with growing backoff, and resets after a success', async () => {
    let runs = 0;
    let failing = true;
    const { clock, status, scheduler } = setup(async () => {
      runs++;
      if (failing) throw new SyncError('offline', 'Serveur du bureau injoignable.');
      return OK;
    });
    scheduler.start();
    await flush();
    expect(status.get()).toMatchObject({
      failures: 1,
      lastError: { kind: 'offline', message: 'Serveur du bureau injoignable.' },
    });
    expect(clock.pending()).toEqual([5_000]);
    await clock.advance(5_000);
    expect(runs).toBe(2);
    expect(clock.pending()).toEqual([10_000]);
    await clock.advance(10_000);
    expect(clock.pending()).toEqual([20_000]);
    failing = false;
    await clock.advance(20_000);
    expect(status.get()).toMatchObject({ failures: 0, lastError: null });
    expect(clock.pending()).toEqual([300_000]);
    scheduler.stop();
  });

  it('waits for the user after an error only they can fix (update the app, log in)', async () => {
    let runs = 0;
    const { clock, status, scheduler, goOnline } = setup(async () => {
      runs++;
      throw new SyncError('upgrade', 'mettez l’application à jour');
    });
    scheduler.start();
    await flush();
    expect(status.get().lastError?.kind).toBe('upgrade');
    expect(clock.pending()).toEqual([]);
    expect(status.get().nextAttemptAt).toBeNull();
    goOnline();
    await flush();
    expect(runs).toBe(2);
    scheduler.stop();
  });

  it('runs one cycle at a time: a request during a cycle runs once more after it', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const gates: (() => void)[] = [];
    const { scheduler } = setup(async () => {
      runs++;
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise<void>((done) => gates.push(done));
      active--;
      return OK;
    });
    scheduler.start();
    await flush();
    void scheduler.requestSync('manual');
    void scheduler.requestSync('online');
    await flush();
    expect(runs).toBe(1);
    gates.shift()!();
    await flush();
    await flush();
    expect(runs).toBe(2);
    gates.shift()!();
    await flush();
    expect(runs).toBe(2);
    expect(maxActive).toBe(1);
    scheduler.stop();
  });

  it('syncs when the network comes back', async () => {
    let runs = 0;
    const { scheduler, goOnline } = setup(async () => (runs++, OK));
    scheduler.start();
    await flush();
    goOnline();
    await flush();
    expect(runs).toBe(2);
    scheduler.stop();
    goOnline();
    await flush();
    expect(runs).toBe(2);
  });
});
