import { useLiveQuery } from 'dexie-react-hooks';
import type { Site } from '../../../shared/inventory/site';
import { getDb } from '../../db/database';
import type { BordereauDb, StoredEquipment } from '../../db/database';
import { listSites } from '../../db/repositories/sites';

export type { StoredEquipment };

/** What the equipment form shows around its fields. */
export interface EquipmentFormData {
  readonly clientName: string;
  /** The client's sites, by name. */
  readonly sites: readonly Site[];
  /** The equipment edited; null for a new one. */
  readonly existing: StoredEquipment | null;
}

/**
 * The client and sites of the equipment form, and the equipment it edits: null when the
 * client, or the equipment asked for (of that client), is not on this laptop.
 */
export async function loadEquipmentFormData(
  db: BordereauDb,
  clientId: string,
  equipmentId: string | undefined,
): Promise<EquipmentFormData | null> {
  const [client, sites, existing] = await Promise.all([
    db.clients.get(clientId),
    listSites(db, clientId),
    equipmentId === undefined ? Promise.resolve(undefined) : db.equipment.get(equipmentId),
  ]);
  if (!client) return null;
  if (equipmentId !== undefined && existing?.clientId !== clientId) return null;
  return { clientName: client.name, sites, existing: existing ?? null };
}

/** The equipment form's data, live: undefined while loading, null when not found. */
export function useEquipmentFormData(
  clientId: string,
  equipmentId: string | undefined,
): EquipmentFormData | null | undefined {
  const db = getDb();
  return useLiveQuery(
    () => loadEquipmentFormData(db, clientId, equipmentId),
    [db, clientId, equipmentId],
  );
}
