import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { Client } from '../../../shared/inventory/client';
import type { Site } from '../../../shared/inventory/site';
import type { PlannedJob } from '../../../shared/planning/job';
import type { InterventionRequest } from '../../../shared/planning/request';
import type { BordereauDb, StoredContract, StoredEquipment } from '../../db/database';
import { getDb } from '../../db/database';
import { AdminApi } from '../../sync/admin-api';
import { fetchTransport } from '../../sync/transport';
import type { PlanningDeps } from './planning-deps';

/** The planning screens' dependencies on this laptop: its database and the real clock. */
export function planningDeps(): PlanningDeps {
  return { db: getDb(), now: Date.now };
}

export interface PlanningData {
  readonly requests: InterventionRequest[];
  readonly jobs: PlannedJob[];
  readonly clients: Client[];
  readonly sites: Site[];
  readonly contracts: StoredContract[];
}

async function loadPlanning(db: BordereauDb): Promise<PlanningData> {
  const [requests, jobs, clients, sites, contracts] = await Promise.all([
    db.requests.toArray(),
    db.jobs.toArray(),
    db.clients.toArray(),
    db.sites.toArray(),
    db.contracts.toArray(),
  ]);
  clients.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return { requests, jobs, clients, sites, contracts };
}

/** Everything the office's planning screens read, kept current as the database changes. */
export function usePlanningData(): PlanningData | undefined {
  return useLiveQuery(() => loadPlanning(getDb()), []);
}

/** A client's equipment, for the request form (empty until a client is chosen). */
export function useClientEquipmentList(clientId: string): StoredEquipment[] {
  return (
    useLiveQuery(
      () => (clientId === '' ? [] : getDb().equipment.where('clientId').equals(clientId).toArray()),
      [clientId],
    ) ?? []
  );
}

export interface Technician {
  readonly id: string;
  readonly name: string;
}

export interface TechnicianList {
  readonly technicians: readonly Technician[];
  /** Why the office server's list is missing (offline, not signed in): French. */
  readonly error: string | null;
}

/**
 * The technicians the office may plan, from the office server's accounts (names sorted).
 * Offline, the list is empty and `error` says why: planning needs the server's accounts.
 */
export function useTechnicians(): TechnicianList {
  const [list, setList] = useState<TechnicianList>({ technicians: [], error: null });
  useEffect(() => {
    let live = true;
    AdminApi.open(getDb(), fetchTransport)
      .then((api) => api.accounts())
      .then(
        (accounts) => {
          const technicians = accounts
            .filter((a) => a.role === 'technician' && !a.disabled)
            .map((a) => ({ id: a.id, name: a.name }))
            .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
          if (live) setList({ technicians, error: null });
        },
        (e: unknown) => {
          const reason = e instanceof Error ? e.message : 'serveur injoignable';
          if (live) {
            setList({
              technicians: [],
              error: `Liste des techniciens indisponible : ${reason}`,
            });
          }
        },
      );
    return () => {
      live = false;
    };
  }, []);
  return list;
}
