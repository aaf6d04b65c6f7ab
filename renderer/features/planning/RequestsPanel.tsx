import { localDateOf } from '../../../shared/calendar/local-date';
import { formatDateTime } from '../../../shared/format/date';
import { REQUEST_KIND_LABELS } from '../../../shared/planning/request-labels';
import { SLA_STATUS_LABELS } from '../../../shared/planning/request-sla-status';
import { requestsCsv } from '../../use-cases/planning/request-csv';
import type { RequestRow, RequestTally } from '../../use-cases/planning/request-overview';
import {
  REQUEST_PLANNING_LABELS,
  requestRows,
  tallyRows,
} from '../../use-cases/planning/request-overview';
import { downloadText } from '../../ui/download-text';
import { PlanRequestForm } from './PlanRequestForm';
import { technicianName } from './planning-panel';
import type { PlanningPanelProps } from './planning-panel';

function TallyTable({
  caption,
  tallies,
  name,
}: {
  caption: string;
  tallies: readonly RequestTally[];
  name: (key: string) => string;
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Nom</th>
          <th scope="col">À planifier</th>
          <th scope="col">Planifiées</th>
          <th scope="col">En retard</th>
          <th scope="col">Délai respecté</th>
          <th scope="col">Délai dépassé</th>
        </tr>
      </thead>
      <tbody>
        {tallies.map((t) => (
          <tr key={t.key}>
            <th scope="row">{name(t.key)}</th>
            <td>{t.toPlan}</td>
            <td>{t.planned}</td>
            <td>{t.late}</td>
            <td>{t.met}</td>
            <td>{t.missed}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The office's requests: the queue still to plan (each with its planning form), every
 * request's deadline and standing, counts per technician and per client, and the CSV export.
 */
export function RequestsPanel({ data, technicians, now }: PlanningPanelProps) {
  const rows = requestRows(data, now);
  const clientName = (id: string) =>
    data.clients.find((c) => c.id === id)?.name ?? 'Client inconnu';
  const technician = (id: string) => technicianName(technicians, id);
  const queue = rows.filter((r) => r.planning === 'to-plan');
  const late = rows.filter((r) => r.standing.status === 'late');

  const line = (r: RequestRow) => (
    <>
      <strong>{clientName(r.request.clientId)}</strong> — {REQUEST_KIND_LABELS[r.request.kind]}
      {r.request.urgency === 'urgent' ? ' (urgent)' : ''} : {r.request.description}{' '}
      <span className="muted">appel du {formatDateTime(r.request.calledAt)}</span>{' '}
      <span>
        {SLA_STATUS_LABELS[r.standing.status]} — {r.standing.message}
      </span>
    </>
  );

  return (
    <section aria-label="Demandes">
      <h2>Demandes à planifier ({queue.length})</h2>
      <ul>
        {queue.map((r) => (
          <li key={r.request.id} data-testid="queued-request">
            {line(r)}
            <PlanRequestForm requestId={r.request.id} technicians={technicians} />
          </li>
        ))}
      </ul>
      <h2>En retard ({late.length})</h2>
      <ul aria-label="Demandes en retard">
        {late.map((r) => (
          <li key={r.request.id} data-testid="late-request">
            {line(r)}
          </li>
        ))}
      </ul>
      <h2>Toutes les demandes</h2>
      <button
        type="button"
        onClick={() =>
          downloadText(
            `demandes-${localDateOf(now)}.csv`,
            requestsCsv(rows, { client: clientName, technician }),
            'text/csv;charset=utf-8',
          )
        }
      >
        Exporter en CSV
      </button>
      <table>
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Demande</th>
            <th scope="col">Échéance</th>
            <th scope="col">Délai</th>
            <th scope="col">Planification</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.request.id}>
              <td>{clientName(r.request.clientId)}</td>
              <td>{r.request.description}</td>
              <td>{r.deadline ? formatDateTime(r.deadline.dueAt) : '—'}</td>
              <td>{SLA_STATUS_LABELS[r.standing.status]}</td>
              <td>{REQUEST_PLANNING_LABELS[r.planning]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <TallyTable
        caption="Par technicien"
        tallies={tallyRows(rows, (r) => r.technicianIds)}
        name={technician}
      />
      <TallyTable
        caption="Par client"
        tallies={tallyRows(rows, (r) => [r.request.clientId])}
        name={clientName}
      />
    </section>
  );
}
