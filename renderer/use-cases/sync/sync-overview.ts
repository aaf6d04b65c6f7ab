import { useLiveQuery } from 'dexie-react-hooks';
import { DEVICE_ID_KEY, getDb } from '../../db/database';
import type { BordereauDb } from '../../db/database';
import { countOutbox } from '../../db/outbox';
import { parseConflicts } from '../../sync/conflict-record';
import type { ConflictRecord } from '../../sync/conflict-record';
import { SYNC_STATE_KEYS } from '../../sync/dexie-sync-store';
import type { Rejection } from '../../sync/local-store';
import { readRefusalMarks, REFUSAL_PREFIX } from '../../sync/refusal-marks';
import type { RefusalMark } from '../../sync/refusal-marks';
import { readStoredSession } from '../../sync/session';
import type { StoredSession } from '../../sync/session';

export type { ConflictRecord, Rejection, RefusalMark };

/** What the Synchronisation screen shows, read in one go. */
export interface SyncOverview {
  readonly session: StoredSession | null;
  readonly deviceId: string | null;
  /** Changes waiting in the outbox, and when the oldest was made. */
  readonly pending: number;
  readonly oldestPendingAt: number | null;
  readonly lastSuccessAt: number | null;
  /** Conflicts not yet settled. */
  readonly conflicts: readonly ConflictRecord[];
  readonly refusals: readonly RefusalMark[];
  readonly rejections: readonly Rejection[];
}

export async function loadSyncOverview(db: BordereauDb): Promise<SyncOverview> {
  const [session, device, pending, oldest, lastSuccess, conflicts, refusals, rejections] =
    await Promise.all([
      readStoredSession(db),
      db.settings.get(DEVICE_ID_KEY),
      countOutbox(db),
      db.outbox.orderBy('mutationId').first(),
      db.syncState.get(SYNC_STATE_KEYS.lastSuccessAt),
      db.conflicts.toArray(),
      readRefusalMarks(db),
      db.syncState.get(SYNC_STATE_KEYS.rejections),
    ]);
  return {
    session,
    deviceId: typeof device?.value === 'string' ? device.value : null,
    pending,
    oldestPendingAt: oldest?.at ?? null,
    lastSuccessAt: typeof lastSuccess?.value === 'number' ? lastSuccess.value : null,
    conflicts: parseConflicts(conflicts).filter((c) => !c.resolved),
    refusals,
    rejections: Array.isArray(rejections?.value) ? (rejections.value as Rejection[]) : [],
  };
}

/** The sync overview, live (undefined while loading). */
export function useSyncOverview(): SyncOverview | undefined {
  const db = getDb();
  return useLiveQuery(() => loadSyncOverview(db), [db]);
}

/**
 * The user has read the list of refused changes: it goes, with the marks of records the
 * server knows (they are shown on their own pages no more); the marks of records that exist
 * on this laptop only stay until the record is sent again or given up (refusal-marks.ts).
 */
export async function dismissRejections(deps: { readonly db: BordereauDb }): Promise<void> {
  const { db } = deps;
  await db.transaction('rw', db.syncState, async () => {
    await db.syncState.delete(SYNC_STATE_KEYS.rejections);
    const marks = await db.syncState.where('key').startsWith(REFUSAL_PREFIX).toArray();
    const settled = marks.filter((m) => (m.value as { localOnly?: boolean }).localOnly === false);
    await db.syncState.bulkDelete(settled.map((m) => m.key));
  });
}
