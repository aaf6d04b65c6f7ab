import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { localDateOf } from '../../../shared/calendar/local-date';
import { formatDate } from '../../../shared/format/date';
import { formatDuration } from '../../../shared/format/duration';
import { formatMoney } from '../../../shared/format/money';
import type { Report } from '../../../shared/report/model';
import { reportOf } from '../../../shared/sync/report-record';
import type { ReportRecord } from '../../../shared/sync/report-record';
import { getDb } from '../../db/database';
import { getReport } from '../../db/repositories/reports';
import { readStoredSession } from '../../sync/session';
import { downloadText } from '../../ui/download-text';
import { saveReportPdf } from '../visits';
import { SyntecRevisionPanel } from '../contracts';
import { ActivityReportPanel } from './ActivityReportPanel';
import { billableLinesCsv } from './billable-csv';
import { clientUsage } from './client-usage';
import type { UsageContract } from './client-usage';
import { markInvoiced, unmarkInvoiced } from './invoice-mark';
import {
  filterRows,
  NO_FILTERS,
  REVIEW_FLAG_LABELS,
  REVIEW_STATUS_LABELS,
  REVIEW_STATUSES,
  reviewRows,
} from './review-rows';
import type { ReportRowInput, ReviewFilters, ReviewRow, ReviewStatus } from './review-rows';
import { FormError } from '../../ui/FormError';
import { userMessage } from '../../ui/user-message';

/** A reports-table row as synced: the review only trusts rows that carry a report. */
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
 * The office review: every technician's interventions (as their bordereaux), filtered by
 * technician, client, period and status; open the signed PDF, mark as invoiced, export the
 * billable lines, and follow each client's hours against its contract.
 */
export function OfficePage() {
  const db = getDb();
  const session = useLiveQuery(() => readStoredSession(db), [db]);
  const data = useLiveQuery(async () => {
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
      invoicedAt: (i as unknown as { invoicedAt?: number | null }).invoicedAt ?? null,
    }));
    return { rows: reviewRows(inputs, marks, names), names, clients, contracts };
  }, [db]);
  const [filters, setFilters] = useState<ReviewFilters>(NO_FILTERS);
  const [message, setMessage] = useState<string | null>(null);
  const [year] = useState(() => Number(localDateOf(Date.now()).slice(0, 4)));
  const filtered = useMemo(() => (data ? filterRows(data.rows, filters) : []), [data, filters]);
  const technicians = useMemo(() => {
    const map = new Map<string, string>();
    for (const r of data?.rows ?? []) map.set(r.technicianCode, r.technicianName);
    return [...map.entries()].sort((a, b) => a[1].localeCompare(b[1], 'fr'));
  }, [data]);

  if (session === undefined || data === undefined) return <p className="muted">Chargement…</p>;
  if (session?.account?.role !== 'office') {
    return (
      <section>
        <h1>Bureau</h1>
        <p>
          Cet écran est réservé aux comptes du bureau : connectez-vous avec un compte « bureau »
          dans Synchronisation.
        </p>
      </section>
    );
  }

  const usage = clientUsage(
    data.rows,
    data.contracts.map((c): UsageContract => ({
      clientId: c.clientId,
      reference: c.reference,
      hourBank: c.hourBank,
      subscriptionVisitsPerYear: c.subscriptionVisitsPerYear,
    })),
    data.names,
    year,
  );
  const set = (change: Partial<ReviewFilters>) => setFilters({ ...filters, ...change });
  const run = async (work: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await work();
    } catch (error) {
      setMessage(userMessage(error));
    }
  };
  const openPdf = (row: ReviewRow) =>
    run(async () => {
      const stored = await getReport(db, row.reportId);
      if (!stored) throw new Error('Bordereau introuvable sur ce poste : synchronisez.');
      await saveReportPdf(db, stored);
    });
  const exportCsv = () =>
    downloadText(
      `lignes-facturables-${localDateOf(Date.now())}.csv`,
      billableLinesCsv(filtered),
      'text/csv;charset=utf-8',
    );

  return (
    <section>
      <h1>Bureau : interventions</h1>
      <form className="panel filters" onSubmit={(e) => e.preventDefault()} aria-label="Filtres">
        <label>
          Technicien
          <select
            value={filters.technicianCode}
            onChange={(e) => set({ technicianCode: e.target.value })}
          >
            <option value="">Tous</option>
            {technicians.map(([code, name]) => (
              <option key={code} value={code}>
                {name} ({code})
              </option>
            ))}
          </select>
        </label>
        <label>
          Client
          <select value={filters.clientId} onChange={(e) => set({ clientId: e.target.value })}>
            <option value="">Tous</option>
            {[...data.clients]
              .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          Du
          <input type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label>
          Au
          <input type="date" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        <label>
          Statut
          <select
            value={filters.status}
            onChange={(e) => set({ status: e.target.value as ReviewStatus | '' })}
          >
            <option value="">Tous</option>
            {REVIEW_STATUSES.map((s) => (
              <option key={s} value={s}>
                {REVIEW_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={exportCsv}
          disabled={filtered.every((r) => r.status === 'draft')}
        >
          Exporter les lignes facturables (CSV)
        </button>
      </form>
      <FormError message={message} />
      <p className="muted" data-testid="office-count">
        {filtered.length} intervention(s)
      </p>
      <table data-testid="office-table">
        <thead>
          <tr>
            <th>N°</th>
            <th>Date</th>
            <th>Client</th>
            <th>Technicien</th>
            <th>Statut</th>
            <th>Travaillé / facturé</th>
            <th>Montant HT</th>
            <th>À vérifier</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {filtered.map((r) => (
            <tr key={r.reportId}>
              <td>
                {r.number}
                {r.version > 1 && ` (v${r.version})`}
              </td>
              <td>{formatDate(r.issuedAt)}</td>
              <td>{r.clientName}</td>
              <td>{r.technicianName}</td>
              <td>
                <span
                  className={`badge ${r.status === 'invoiced' ? 'ok' : r.status === 'draft' ? 'warn' : ''}`}
                >
                  {REVIEW_STATUS_LABELS[r.status]}
                </span>
              </td>
              <td>
                {formatDuration(r.workedMinutes)} / {formatDuration(r.billedMinutes)}
              </td>
              <td>{r.totalHtCents === null ? 'Inclus' : formatMoney(r.totalHtCents)}</td>
              <td data-testid="review-flags">
                {r.flags.map((f) => REVIEW_FLAG_LABELS[f]).join(' ; ')}
              </td>
              <td className="row-actions">
                {r.status !== 'draft' && (
                  <button type="button" onClick={() => void openPdf(r)}>
                    PDF signé
                  </button>
                )}
                {r.status === 'signed' && (
                  <button
                    type="button"
                    onClick={() => void run(() => markInvoiced(db, r.interventionId))}
                  >
                    Marquer facturé
                  </button>
                )}
                {r.status === 'invoiced' && (
                  <button
                    type="button"
                    onClick={() => void run(() => unmarkInvoiced(db, r.interventionId))}
                  >
                    Annuler « facturé »
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <ActivityReportPanel />
      <SyntecRevisionPanel />

      <h2>Consommation par client ({year})</h2>
      {usage.length === 0 ? (
        <p className="muted">Aucun contrat enregistré.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Client</th>
              <th>Contrat</th>
              <th>Temps facturé en {year}</th>
              <th>Banque d’heures (solde / initial)</th>
              <th>Visites planifiées</th>
            </tr>
          </thead>
          <tbody>
            {usage.map((u) => (
              <tr key={`${u.clientId}-${u.contractReference}`}>
                <td>{u.clientName}</td>
                <td>{u.contractReference}</td>
                <td>{formatDuration(u.billedMinutesThisYear)}</td>
                <td>
                  {u.bank ? (
                    <>
                      {formatDuration(u.bank.balanceMinutes)} /{' '}
                      {formatDuration(u.bank.initialMinutes)}
                      {u.bank.balanceMinutes === 0 && (
                        <span className="badge danger"> épuisée</span>
                      )}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  {u.visitsPerYear === null
                    ? `${u.plannedVisitsThisYear} (pas de nombre au contrat)`
                    : `${u.plannedVisitsThisYear} / ${u.visitsPerYear}`}
                  {u.visits?.beyondContract && (
                    <span className="badge danger"> au-delà du contrat</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
