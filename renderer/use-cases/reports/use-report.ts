import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { getReport, listReportsOfVisit, listReportsOfClient } from '../../db/repositories/reports';
import type { StoredReport } from '../../db/repositories/reports';

export type { StoredReport };
import { readStoredSession } from '../../sync/session';

export interface ReportView {
  readonly stored: StoredReport;
  /** Every version of the same bordereau, oldest first. */
  readonly versions: readonly StoredReport[];
  /** This laptop is logged in as the office (it may resend the client's copy). */
  readonly office: boolean;
}

/** A bordereau and its versions, live; undefined while loading, null when not on this laptop. */
export function useReport(reportId: string | undefined): ReportView | null | undefined {
  const db = getDb();
  return useLiveQuery(async () => {
    const stored = reportId ? await getReport(db, reportId) : undefined;
    if (!stored) return null;
    const [versions, session] = await Promise.all([
      listReportsOfVisit(db, stored.interventionId),
      readStoredSession(db),
    ]);
    return { stored, versions, office: session?.account?.role === 'office' };
  }, [db, reportId]);
}

/** A client's bordereaux, newest first, live. */
export function useClientReports(clientId: string): StoredReport[] | undefined {
  const db = getDb();
  return useLiveQuery(() => listReportsOfClient(db, clientId), [db, clientId]);
}
