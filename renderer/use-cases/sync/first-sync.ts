import { useLiveQuery } from 'dexie-react-hooks';
import type { Role } from '../../../shared/sync/protocol';
import { getDb } from '../../db/database';
import {
  confirmFirstSync as storeConfirmation,
  needsFirstSyncConfirmation,
  readFirstSyncPreview,
} from '../../sync/first-sync';
import type { FirstSyncPreview } from '../../sync/first-sync';
import type { SyncDeps } from './sync-deps';

export type { FirstSyncPreview };

/** What the first sync would send, while it waits for the user's go; null once not needed. */
export function useFirstSyncPreview(role: Role): FirstSyncPreview | null | undefined {
  const db = getDb();
  const needed = useLiveQuery(() => needsFirstSyncConfirmation(db), [db]);
  return useLiveQuery(
    async () => (needed ? readFirstSyncPreview(db, role) : null),
    [db, needed, role],
  );
}

/** The user agrees to send what this laptop holds: remembered, then the sync starts. */
export async function confirmFirstSync(deps: Pick<SyncDeps, 'db' | 'syncNow'>): Promise<void> {
  await storeConfirmation(deps.db);
  await deps.syncNow();
}
