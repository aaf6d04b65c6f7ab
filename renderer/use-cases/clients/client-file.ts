import { useLiveQuery } from 'dexie-react-hooks';
import type { Client } from '../../../shared/inventory/client';
import type { Contact } from '../../../shared/inventory/contact';
import type { Site } from '../../../shared/inventory/site';
import type { Subscription } from '../../../shared/inventory/subscription';
import type { VisitRecord } from '../../../shared/visit/visit-record';
import { getDb } from '../../db/database';
import type { BordereauDb, StoredContract } from '../../db/database';
import { listContacts } from '../../db/repositories/contacts';
import { listContracts } from '../../db/repositories/contracts';
import { listClientVisits } from '../../db/repositories/visits';
import { listSites } from '../../db/repositories/sites';
import { listSubscriptions } from '../../db/repositories/subscriptions';

export type { StoredContract };

/**
 * Everything the client page shows of one client but its inventory, which comes page first
 * on its own (use-cases/inventory/use-client-equipment.ts): a large client's 2,000 items
 * would hold the whole page until read.
 */
export interface ClientFile {
  readonly client: Client;
  readonly sites: readonly Site[];
  readonly contacts: readonly Contact[];
  readonly contracts: readonly StoredContract[];
  readonly subscriptions: readonly Subscription[];
  /** The client's visits, latest first. */
  readonly visits: readonly VisitRecord[];
}

/** The client's file in one read; null when no such client is on this laptop. */
export async function loadClientFile(
  db: BordereauDb,
  clientId: string,
): Promise<ClientFile | null> {
  const client = await db.clients.get(clientId);
  if (!client) return null;
  const [sites, contacts, contracts, subscriptions, visits] = await Promise.all([
    listSites(db, clientId),
    listContacts(db, clientId),
    listContracts(db, clientId),
    listSubscriptions(db, clientId),
    listClientVisits(db, clientId),
  ]);
  return { client, sites, contacts, contracts, subscriptions, visits };
}

/** The client's file, live (undefined while loading, null for an unknown client). */
export function useClientFile(clientId: string): ClientFile | null | undefined {
  const db = getDb();
  return useLiveQuery(() => loadClientFile(db, clientId), [db, clientId]);
}
