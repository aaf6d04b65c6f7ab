import { useLiveQuery } from 'dexie-react-hooks';
import type { Client } from '../../../shared/inventory/client';
import type { VisitRecord } from '../../../shared/visit/visit-record';
import { getDb } from '../../db/database';
import type { BordereauDb } from '../../db/database';
import { entriesOf } from '../../db/outbox-row';
import { listVisits } from '../../db/repositories/visits';
import { reportClosures } from '../../db/repositories/reports';
import type { ReportClosure } from '../../../shared/report/status';

/** One line of the visits list: the visit, its client's name, whether it waits to sync. */
export interface VisitListRow {
  readonly visit: VisitRecord;
  readonly clientName: string;
  /** The visit or its bordereau has changes not yet sent to the office. */
  readonly unsynced: boolean;
  /** How its bordereau was closed (signed, refused, absent…), when it has one. */
  readonly closure: { readonly closure: ReportClosure; readonly label: string } | null;
}

/** Every visit on this laptop with what the list shows beside it, and the clients to filter by. */
export async function loadVisitList(
  db: BordereauDb,
): Promise<{ rows: VisitListRow[]; clients: Client[] }> {
  const [visits, clients, pending] = await Promise.all([
    listVisits(db),
    db.clients.toArray(),
    // The wire's entity names: visits travel as `interventions`.
    db.outbox.where('entity').anyOf('interventions', 'reports').toArray(),
  ]);
  const pendingIds = new Set(pending.flatMap(entriesOf).map((m) => m.recordId));
  const names = new Map(clients.map((c) => [c.id, c.name]));
  const closures = await reportClosures(
    db,
    visits.flatMap((v) => (v.reportId ? [v.reportId] : [])),
  );
  const rows = visits.map((visit) => ({
    visit,
    clientName: names.get(visit.clientId) ?? 'Client inconnu',
    unsynced:
      pendingIds.has(visit.id) || (visit.reportId !== null && pendingIds.has(visit.reportId)),
    closure: visit.reportId ? (closures.get(visit.reportId) ?? null) : null,
  }));
  return { rows, clients };
}

/** The visits list, live (undefined while loading). */
export function useVisitList(): { rows: VisitListRow[]; clients: Client[] } | undefined {
  const db = getDb();
  return useLiveQuery(() => loadVisitList(db), [db]);
}
