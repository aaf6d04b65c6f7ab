import { useLiveQuery } from 'dexie-react-hooks';
import type { Client } from '../../../shared/inventory/client';
import type { Contact } from '../../../shared/inventory/contact';
import { getDb } from '../../db/database';
import type { BordereauDb } from '../../db/database';
import { listClients } from '../../db/repositories/clients';
import { countEquipmentByClient } from '../../db/repositories/equipment';

/** The clients list: clients by name, every contact (the search looks at them) and counts. */
export interface ClientList {
  readonly clients: readonly Client[];
  readonly contacts: readonly Contact[];
  readonly equipmentCounts: ReadonlyMap<string, number>;
}

export async function loadClientList(db: BordereauDb): Promise<ClientList> {
  const [clients, contacts] = await Promise.all([listClients(db), db.contacts.toArray()]);
  // One indexed count per client: walking every key of the clientId index read the
  // whole inventory at each start (2–3.6 s with 100,000 items on disk).
  const equipmentCounts = await countEquipmentByClient(
    db,
    clients.map((c) => c.id),
  );
  return { clients, contacts, equipmentCounts };
}

/** The clients list, live (undefined while loading). */
export function useClientList(): ClientList | undefined {
  const db = getDb();
  return useLiveQuery(() => loadClientList(db), [db]);
}

/** Every client by name, live (pickers in the administration and the office). */
export function useClients(): readonly Client[] | undefined {
  const db = getDb();
  return useLiveQuery(() => listClients(db), [db]);
}
