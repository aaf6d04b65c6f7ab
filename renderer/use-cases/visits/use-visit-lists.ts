import { useLiveQuery } from 'dexie-react-hooks';
import type { Client } from '../../../shared/inventory/client';
import type { Site } from '../../../shared/inventory/site';
import type { VisitRecord } from '../../../shared/visit/visit-record';
import { getDb } from '../../db/database';
import type { StoredContract, StoredEquipment } from '../../db/database';
import { listUnfinishedVisits } from '../../db/repositories/visits';

export interface NewVisitChoices {
  /** Active clients, by name. */
  readonly clients: readonly Client[];
  readonly sites: readonly Site[];
  readonly contracts: readonly StoredContract[];
  /** The client's equipment still in service. */
  readonly equipment: readonly StoredEquipment[];
  /** Visits not yet stopped (at most one should run). */
  readonly running: readonly VisitRecord[];
}

/** What the "Démarrer une intervention" form offers for `clientId` ('' : none picked yet), live. */
export function useNewVisitChoices(clientId: string): NewVisitChoices | undefined {
  const db = getDb();
  return useLiveQuery(async () => {
    const clients = (await db.clients.toArray())
      .filter((c) => !c.archived)
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    const running = await listUnfinishedVisits(db);
    if (!clientId) return { clients, sites: [], contracts: [], equipment: [], running };
    const [sites, contracts, equipment] = await Promise.all([
      db.sites.where('clientId').equals(clientId).toArray(),
      db.contracts.where('clientId').equals(clientId).toArray(),
      db.equipment.where('clientId').equals(clientId).toArray(),
    ]);
    return {
      clients,
      sites,
      contracts,
      equipment: equipment.filter((e) => e.status !== 'retired'),
      running,
    };
  }, [db, clientId]);
}

/** The latest visit not yet stopped and its client's name, live (the banner on every screen). */
export function useRunningVisit(): { visit: VisitRecord; clientName: string } | null | undefined {
  const db = getDb();
  return useLiveQuery(async () => {
    const [visit] = await listUnfinishedVisits(db);
    if (!visit) return null;
    const client = await db.clients.get(visit.clientId);
    return { visit, clientName: client?.name ?? 'Client inconnu' };
  }, [db]);
}
