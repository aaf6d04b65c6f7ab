import { getDb } from '../../db/database';
import type { BordereauDb } from '../../db/database';
import { syncNow } from '../../sync/sync-service';
import { fetchTransport } from '../../sync/transport';
import type { Transport } from '../../sync/transport';

/** What the sync use cases are given: the database, the HTTP transport, a way to sync now. */
export interface SyncDeps {
  readonly db: BordereauDb;
  readonly transport: Transport;
  /** Starts a sync with the office server in the background (the app's sync service). */
  readonly syncNow: () => Promise<void>;
}

/** The app's own: the opened database, `fetch`, the background sync service. */
export function appSyncDeps(): SyncDeps {
  return { db: getDb(), transport: fetchTransport, syncNow };
}
