import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { getDb } from '../../db/database';
import type { BordereauDb, StoredEquipment } from '../../db/database';
import { equipmentSearchIndex, searchEquipment } from '../../db/equipment-search';

/** One result of the search across every client, with its client's name. */
export interface EquipmentHit {
  readonly item: StoredEquipment;
  /** Undefined when the client is not on this laptop (yet). */
  readonly clientName: string | undefined;
}

/** The items matching `query` across every client (at most `limit`), with their clients' names. */
export async function findEquipment(
  db: BordereauDb,
  query: string,
  limit: number,
): Promise<EquipmentHit[]> {
  const items = await searchEquipment(db, query, { limit });
  const clientIds = [...new Set(items.map((e) => e.clientId))];
  const clients = await db.clients.bulkGet(clientIds);
  const names = new Map(clients.filter((c) => c !== undefined).map((c) => [c.id, c.name] as const));
  return items.map((item) => ({ item, clientName: names.get(item.clientId) }));
}

/** The search's results, live (undefined while searching; empty for an empty query). */
export function useEquipmentSearch(query: string, limit: number): EquipmentHit[] | undefined {
  const db = getDb();
  return useLiveQuery(() => findEquipment(db, query, limit), [db, query, limit]);
}

/**
 * Builds the in-memory search index when the search screen opens, while the user starts
 * typing (not at start-up: the client list comes first). A failure shows in the search
 * itself, which builds the index again; it is only noted here.
 */
export function useWarmSearchIndex(): void {
  const db = getDb();
  useEffect(() => {
    equipmentSearchIndex(db).catch((error: unknown) =>
      console.warn('Index de recherche non construit :', error),
    );
  }, [db]);
}
