import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Client } from '../../../shared/inventory/client';
import type { Contact } from '../../../shared/inventory/contact';
import { getDb } from '../../db/database';
import type { BordereauDb } from '../../db/database';
import { listClients } from '../../db/repositories/clients';
import { countEquipmentByClient } from '../../db/repositories/equipment';
import { useAfterPaint } from '../../platform/after-paint';

/** The clients list: clients by name and every contact (the search looks at them). */
export interface ClientList {
  readonly clients: readonly Client[];
  readonly contacts: readonly Contact[];
}

/** Every contact of every client: the client search finds a client by its contacts' names. */
export function loadAllContacts(db: BordereauDb): Promise<Contact[]> {
  return db.contacts.toArray();
}

/**
 * How many items each of these clients has: one indexed count per client (walking every
 * key of the clientId index read the whole inventory at each start, 2–3.6 s with 100,000
 * items on disk).
 */
export function loadEquipmentCounts(
  db: BordereauDb,
  clientIds: readonly string[],
): Promise<Map<string, number>> {
  return countEquipmentByClient(db, clientIds);
}

/**
 * The clients list, live: undefined while the clients are read; their contacts (for the
 * search) are read once the rows are painted, empty until then — at start-up the rows must
 * not wait for every contact as well (docs/benchmarks.md, Inventory on disk).
 */
export function useClientList(): ClientList | undefined {
  const db = getDb();
  const clients = useLiveQuery(() => listClients(db), [db]);
  const shown = useAfterPaint(clients !== undefined);
  const contacts = useLiveQuery(() => (shown ? loadAllContacts(db) : undefined), [db, shown]);
  return useMemo(
    () => (clients === undefined ? undefined : { clients, contacts: contacts ?? NO_CONTACTS }),
    [clients, contacts],
  );
}

const NO_CONTACTS: readonly Contact[] = [];

/**
 * The item counts of the listed clients, live, read once their rows are painted (500
 * counts cost 0.5–0.7 s on disk at start-up: the list must not wait for them). Undefined
 * until counted; the clients' ids come from the list already read, not from a second read.
 */
export function useEquipmentCounts(
  clients: readonly Client[] | undefined,
): ReadonlyMap<string, number> | undefined {
  const db = getDb();
  const shown = useAfterPaint(clients !== undefined);
  const ids = useMemo(() => (shown ? clients?.map((c) => c.id) : undefined), [clients, shown]);
  return useLiveQuery(
    () => (ids === undefined ? undefined : loadEquipmentCounts(db, ids)),
    [db, ids],
  );
}

/** Every client by name, live (pickers in the administration and the office). */
export function useClients(): readonly Client[] | undefined {
  const db = getDb();
  return useLiveQuery(() => listClients(db), [db]);
}
