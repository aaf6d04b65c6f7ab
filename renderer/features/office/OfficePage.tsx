import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { formatDate } from '../../../shared/format/date';
import { formatDuration } from '../../../shared/format/duration';
import { formatMoney } from '../../../shared/format/money';
import {
  filterRows,
  NO_FILTERS,
  REVIEW_FLAG_LABELS,
  REVIEW_STATUS_LABELS,
  REVIEW_STATUSES,
  reviewFiltersSchema,
} from '../../../shared/office/review-rows';
import type { ReviewFilters, ReviewRow } from '../../../shared/office/review-rows';
import { useSignedInAccount } from '../../use-cases/admin/use-admin';
import { appDeps } from '../../use-cases/deps';
import { billableCsvFile, hasBillableRows } from '../../use-cases/office/export-billable-csv';
import { markInvoiced, unmarkInvoiced } from '../../use-cases/office/mark-invoiced';
import { useOfficeReview } from '../../use-cases/office/office-review';
import { saveSignedPdf } from '../../use-cases/office/signed-pdf';
import { downloadText } from '../../ui/download-text';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { userMessage } from '../../ui/user-message';
import { SyntecRevisionPanel } from '../contracts';
import { ActivityReportPanel } from './ActivityReportPanel';
import { ClientUsageTable } from './ClientUsageTable';
import { FormDateField } from '../../ui/DateField';

/**
 * The office review: every technician's interventions (as their bordereaux), filtered by
 * technician, client, period and status; open the signed PDF, mark as invoiced, export the
 * billable lines, and follow each client's hours against its contract.
 */
export function OfficePage() {
  const account = useSignedInAccount();
  const review = useOfficeReview();
  if (account === undefined || review === undefined) return <p className="muted">Chargement…</p>;
  if (account?.role !== 'office') {
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
  return (
    <section>
      <h1>Bureau : interventions</h1>
      <OfficeReviewTable review={review} />
      <ActivityReportPanel />
      <SyntecRevisionPanel />
      <ClientUsageTable year={review.year} usage={review.usage} />
    </section>
  );
}

function OfficeReviewTable({
  review,
}: {
  review: NonNullable<ReturnType<typeof useOfficeReview>>;
}) {
  const { register, control } = useForm<ReviewFilters>({
    resolver: zodResolver(reviewFiltersSchema),
    defaultValues: NO_FILTERS,
    mode: 'onChange',
  });
  const filters = useWatch({ control }) as ReviewFilters;
  const [message, setMessage] = useState<string | null>(null);
  const filtered = useMemo(() => filterRows(review.rows, filters), [review.rows, filters]);

  const run = async (work: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await work();
    } catch (error) {
      setMessage(userMessage(error));
    }
  };
  const exportCsv = () => {
    const file = billableCsvFile(appDeps(), filtered);
    downloadText(file.fileName, file.text, file.type);
  };

  return (
    <>
      <form
        className="panel filters"
        onSubmit={(e) => e.preventDefault()}
        noValidate
        aria-label="Filtres"
      >
        <Field label="Technicien">
          {(p) => (
            <select {...p} {...register('technicianCode')}>
              <option value="">Tous</option>
              {review.technicians.map(([code, name]) => (
                <option key={code} value={code}>
                  {name} ({code})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Client">
          {(p) => (
            <select {...p} {...register('clientId')}>
              <option value="">Tous</option>
              {review.clients.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormDateField control={control} name="from" label="Du" />
        <FormDateField control={control} name="to" label="Au" />
        <Field label="Statut">
          {(p) => (
            <select {...p} {...register('status')}>
              <option value="">Tous</option>
              {REVIEW_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {REVIEW_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="button" onClick={exportCsv} disabled={!hasBillableRows(filtered)}>
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
            <ReviewLine key={r.reportId} row={r} run={run} />
          ))}
        </tbody>
      </table>
    </>
  );
}

function ReviewLine({
  row: r,
  run,
}: {
  row: ReviewRow;
  run: (work: () => Promise<unknown>) => Promise<void>;
}) {
  return (
    <tr>
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
      <td data-testid="review-flags">{r.flags.map((f) => REVIEW_FLAG_LABELS[f]).join(' ; ')}</td>
      <td className="row-actions">
        {r.status !== 'draft' && (
          <button
            type="button"
            onClick={() => void run(() => saveSignedPdf(appDeps(), { reportId: r.reportId }))}
          >
            PDF signé
          </button>
        )}
        {r.status === 'signed' && (
          <button
            type="button"
            onClick={() =>
              void run(() => markInvoiced(appDeps(), { interventionId: r.interventionId }))
            }
          >
            Marquer facturé
          </button>
        )}
        {r.status === 'invoiced' && (
          <button
            type="button"
            onClick={() =>
              void run(() => unmarkInvoiced(appDeps(), { interventionId: r.interventionId }))
            }
          >
            Annuler « facturé »
          </button>
        )}
      </td>
    </tr>
  );
}
