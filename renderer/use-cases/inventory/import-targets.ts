import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import type { BordereauDb } from '../../db/database';
import { listEquipment } from '../../db/repositories/equipment';
import { listSites } from '../../db/repositories/sites';

/** What a row of the preview stands for, as the preview names it. */
export interface RowIdentity {
  readonly serialNumber: string;
  readonly hostname: string;
  readonly model: string;
}

/** The client an import fills, and what the preview names its rows and sites with. */
export interface ImportTargets {
  readonly clientName: string;
  /** The client's equipment by id (a changed row shows the equipment it changes). */
  readonly identities: ReadonlyMap<string, RowIdentity>;
  /** The client's sites' names by id. */
  readonly siteNames: ReadonlyMap<string, string>;
}

/** The import's client, its equipment and sites; null when the client is not on this laptop. */
export async function loadImportTargets(
  db: BordereauDb,
  clientId: string,
): Promise<ImportTargets | null> {
  const [client, equipment, sites] = await Promise.all([
    db.clients.get(clientId),
    listEquipment(db, clientId),
    listSites(db, clientId),
  ]);
  if (!client) return null;
  return {
    clientName: client.name,
    identities: new Map(equipment.map((e) => [e.id, e])),
    siteNames: new Map(sites.map((s) => [s.id, s.name])),
  };
}

/** The import's targets, live: undefined while loading, null for an unknown client. */
export function useImportTargets(clientId: string): ImportTargets | null | undefined {
  const db = getDb();
  return useLiveQuery(() => loadImportTargets(db, clientId), [db, clientId]);
}
