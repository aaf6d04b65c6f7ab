import { useLiveQuery } from 'dexie-react-hooks';
import { localDateOf } from '../../../shared/calendar/local-date';
import { clientUsage } from '../../../shared/office/client-usage';
import type { ClientUsage, UsageContract } from '../../../shared/office/client-usage';
import { reviewRows } from '../../../shared/office/review-rows';
import type { ReportRowInput, ReviewRow } from '../../../shared/office/review-rows';
import { reportOf } from '../../../shared/sync/report-record';
import type { ReportRecord } from '../../../shared/sync/report-record';
import type { Report } from '../../../shared/report/model';
import { getDb } from '../../db/database';
import { clock } from '../../platform/clock';
import type { UseCaseDeps } from '../deps';

/** What the office screen shows: the review lines, the pickers' choices, each client's usage. */
export interface OfficeReview {
  readonly rows: readonly ReviewRow[];
  /** Every client, by name in French order (the client filter). */
  readonly clients: readonly { readonly id: string; readonly name: string }[];
  /** [code, name] of every technician who wrote a bordereau, by name. */
  readonly technicians: readonly (readonly [string, string])[];
  /** The calendar year the usage covers (the clock's). */
  readonly year: number;
  readonly usage: readonly ClientUsage[];
}

/**
 * A reports-table row as synced: the review only trusts rows that carry a report (a row whose
 * report has not come down yet is left out rather than shown half).
 */
function asReportInput(row: Record<string, unknown>): ReportRowInput | null {
  const content = row['content'] as Report['content'] | undefined;
  if (
    typeof row['interventionId'] !== 'string' ||
    typeof row['clientId'] !== 'string' ||
    !content?.timeline
  )
    return null;
  return {
    id: String(row['id']),
    interventionId: row['interventionId'],
    clientId: row['clientId'],
    // The row is the report (shared/sync/report-record.ts): its parts, without the links.
    report: reportOf(row as unknown as ReportRecord),
  };
}

/**
 * Reads every technician's bordereaux synced to this laptop as the office's review: the
 * latest version of each intervention with its invoice mark, and each client's hours and
 * planned visits of the clock's year against its contract.
 */
export async function loadOfficeReview(deps: UseCaseDeps): Promise<OfficeReview> {
  const { db } = deps;
  const [reports, interventions, clients, contracts] = await Promise.all([
    db.reports.toArray(),
    db.interventions.toArray(),
    db.clients.toArray(),
    db.contracts.toArray(),
  ]);
  const names = new Map(clients.map((c) => [c.id, c.name]));
  const inputs = reports.flatMap(
    (r) => asReportInput(r as unknown as Record<string, unknown>) ?? [],
  );
  const marks = interventions.map((i) => ({
    id: i.id,
    // invoicedAt is the office's mark, not declared by the visit's schema (mark-invoiced.ts).
    invoicedAt: (i as unknown as { invoicedAt?: number | null }).invoicedAt ?? null,
  }));
  const rows = reviewRows(inputs, marks, names);
  const technicians = new Map<string, string>();
  for (const r of rows) technicians.set(r.technicianCode, r.technicianName);
  const year = Number(localDateOf(deps.clock.now()).slice(0, 4));
  return {
    rows,
    clients: clients
      .map((c) => ({ id: c.id, name: c.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    technicians: [...technicians.entries()].sort((a, b) => a[1].localeCompare(b[1], 'fr')),
    year,
    usage: clientUsage(
      rows,
      contracts.map((c): UsageContract => ({
        clientId: c.clientId,
        reference: c.reference,
        hourBank: c.hourBank,
        subscriptionVisitsPerYear: c.subscriptionVisitsPerYear,
      })),
      names,
      year,
    ),
  };
}

/** The office review, live (undefined while loading). */
export function useOfficeReview(): OfficeReview | undefined {
  const db = getDb();
  return useLiveQuery(() => loadOfficeReview({ db, clock }), [db]);
}
