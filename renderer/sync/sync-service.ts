import { getDb } from '../db/database';
import type { BordereauDb } from '../db/database';
import { SyncApi } from './api-client';
import { DexieSyncStore } from './dexie-sync-store';
import { FIRST_SYNC_PENDING_MESSAGE, needsFirstSyncConfirmation } from './first-sync';
import { loadSession } from './session';
import { runSyncCycle } from './sync-engine';
import { SyncError } from './sync-error';
import { SyncScheduler } from './sync-scheduler';
import { SyncStatusStore } from './sync-status';
import { fetchTransport } from './transport';

export const syncStatus = new SyncStatusStore();

function createScheduler(db: BordereauDb): SyncScheduler {
  return new SyncScheduler({
    status: syncStatus,
    random: Math.random,
    clock: {
      now: Date.now,
      setTimeout: (run, ms) => window.setTimeout(run, ms),
      clearTimeout: (h) => window.clearTimeout(h as number),
    },
    onOnline: (callback) => {
      window.addEventListener('online', callback);
      return () => window.removeEventListener('online', callback);
    },
    run: async (onProgress) => {
      const session = await loadSession(db);
      if (!session)
        throw new SyncError(
          'not_configured',
          'Connectez-vous au serveur du bureau pour synchroniser.',
        );
      if (await needsFirstSyncConfirmation(db))
        throw new SyncError('not_configured', FIRST_SYNC_PENDING_MESSAGE);
      const api = new SyncApi(session.serverUrl, fetchTransport).withToken(session.token);
      return runSyncCycle({ api, store: new DexieSyncStore(db), now: Date.now, onProgress });
    },
  });
}

/** A local change is sent this long after the last one (a burst of edits goes in one push). */
const CHANGE_DEBOUNCE_MS = 5_000;

let scheduler: SyncScheduler | null = null;

/** Starts background sync (called once from main.tsx). Never blocks the UI: all work is async. */
export function startSyncService(): SyncScheduler {
  if (!scheduler) {
    const db = getDb();
    const created = createScheduler(db);
    let pending: number | null = null;
    // Runs inside the writing transaction: only a timer is set here, the sync runs after.
    db.outbox.hook('creating', () => {
      if (pending !== null) window.clearTimeout(pending);
      pending = window.setTimeout(() => {
        pending = null;
        if (navigator.onLine) void created.requestSync('change');
      }, CHANGE_DEBOUNCE_MS);
    });
    scheduler = created;
  }
  scheduler.start();
  return scheduler;
}

/** "Synchroniser maintenant", and after a login. */
export function syncNow(): Promise<void> {
  return startSyncService().requestSync('manual');
}
