import type { BordereauDb } from '../db/database';
import { SyncApi } from './api-client';
import { loadSession } from './session';
import { fetchTransport } from './transport';

/** Downloads a content-addressed file (a report's photo) from the office server. */
export type BlobFetcher = (sha256: string) => Promise<Uint8Array>;

/** A fetcher over the logged-in session, or null when this laptop is not connected to a server. */
export async function sessionBlobFetcher(db: BordereauDb): Promise<BlobFetcher | null> {
  const session = await loadSession(db);
  if (!session) return null;
  const api = new SyncApi(session.serverUrl, fetchTransport).withToken(session.token);
  return (sha256) => api.getBlob(sha256);
}
