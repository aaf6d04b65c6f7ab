import { getDb } from '../../db/database';
import type { BordereauDb } from '../../db/database';
import { SyncApi } from '../../sync/api-client';
import { loadSession } from '../../sync/session';
import { fetchTransport } from '../../sync/transport';
import type { Transport } from '../../sync/transport';

/** What the office's server calls are given: this laptop's session (in db) and the HTTP fetcher. */
export interface OfficeServerDeps {
  readonly db: BordereauDb;
  readonly transport: Transport;
}

/** The app's own: the opened database and `fetch`. */
export function appOfficeServerDeps(): OfficeServerDeps {
  return { db: getDb(), transport: fetchTransport };
}

/**
 * The office server's API with this laptop's session: versions and token on every request,
 * each answer checked by its shared schema, each failure a French SyncError (api-client.ts).
 */
export async function officeServer(deps: OfficeServerDeps): Promise<SyncApi> {
  const session = await loadSession(deps.db);
  if (!session) throw new Error('Connectez-vous au serveur du bureau (Synchronisation).');
  return new SyncApi(session.serverUrl, deps.transport).withToken(session.token);
}
