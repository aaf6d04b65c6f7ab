import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import type { BordereauDb, StoredEquipment } from '../../db/database';
import { listEquipment } from '../../db/repositories/equipment';

export type { StoredEquipment };

/**
 * The client page shows this many items first: one screen of the table and a little more,
 * read in a few milliseconds where the whole list of a large client (2,000 items, 1.2 MB)
 * takes 100–250 ms on disk (docs/benchmarks.md, Inventory on disk).
 */
export const FIRST_PAGE_SIZE = 50;

/** A client's items as far as they are read: `complete` once the whole list is in. */
export interface ClientEquipment {
  readonly clientId: string;
  readonly items: readonly StoredEquipment[];
  readonly complete: boolean;
}

/**
 * The first `size` items of the client, in the order of the whole list (the clientId index,
 * then the id): the first page's rows are the whole list's first rows, so nothing moves when
 * the rest arrives.
 */
export async function loadFirstEquipmentPage(
  db: BordereauDb,
  clientId: string,
  size = FIRST_PAGE_SIZE,
): Promise<ClientEquipment> {
  const items = await db.equipment.where('clientId').equals(clientId).limit(size).toArray();
  // Fewer than asked: that is every item already.
  return { clientId, items, complete: items.length < size };
}

/** Every item of the client. */
export async function loadClientEquipment(
  db: BordereauDb,
  clientId: string,
): Promise<ClientEquipment> {
  return { clientId, items: await listEquipment(db, clientId), complete: true };
}

/**
 * The client's items, live: the first page as soon as it is read, then the whole list (read
 * once the first page is in, so the two reads do not compete for the disk). Undefined while
 * nothing of this client is read yet; both reads follow every later change.
 */
export function useClientEquipment(clientId: string): ClientEquipment | undefined {
  const db = getDb();
  const first = useLiveQuery(() => loadFirstEquipmentPage(db, clientId), [db, clientId]);
  const firstIn = first?.clientId === clientId;
  const whole = useLiveQuery(
    () => (firstIn ? loadClientEquipment(db, clientId) : undefined),
    [db, clientId, firstIn],
  );
  // A result of the previous client is kept by useLiveQuery until the new one is read.
  if (whole?.clientId === clientId) return whole;
  return firstIn ? first : undefined;
}
