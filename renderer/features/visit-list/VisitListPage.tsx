import { useState } from 'react';
import { Link } from 'react-router';
import { instantOf } from '../../../shared/calendar/local-date';
import { formatDateTime } from '../../../shared/format/date';
import { useVisitList } from '../../use-cases/visits/visit-list';
import { visitListStatus, VISIT_LIST_STATUS_LABELS } from '../../../shared/visit/visit-labels';
import type { VisitListStatus } from '../../../shared/visit/visit-labels';
import { DateField } from '../../ui/DateField';

/** Every visit on this laptop, by status, client and period. */
export function VisitListPage() {
  const [status, setStatus] = useState<VisitListStatus | ''>('');
  const [clientId, setClientId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const list = useVisitList();

  if (!list) return <p>Chargement…</p>;
  const { clients } = list;
  const rows = list.rows.map((r) => ({ ...r, status: visitListStatus(r.visit, r.unsynced) }));
  const fromMs = from ? instantOf(from, 0) : null;
  const toMs = to ? instantOf(to, 24 * 60) : null;
  const shown = rows.filter((r) => {
    const at = r.visit.startedAt ?? r.visit.createdAt;
    return (
      (status === '' || r.status === status) &&
      (clientId === '' || r.visit.clientId === clientId) &&
      (fromMs === null || at >= fromMs) &&
      (toMs === null || at < toMs)
    );
  });

  return (
    <section>
      <h1>Interventions</h1>
      <p>
        <Link className="button primary" to="/interventions/nouvelle">
          Démarrer une intervention
        </Link>
      </p>
      <div className="row filters">
        <label className="field">
          Statut
          <select
            value={status}
            onChange={(e) => setStatus(e.target.value as VisitListStatus | '')}
          >
            <option value="">Tous</option>
            {(Object.keys(VISIT_LIST_STATUS_LABELS) as VisitListStatus[]).map((s) => (
              <option key={s} value={s}>
                {VISIT_LIST_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Client
          <select value={clientId} onChange={(e) => setClientId(e.target.value)}>
            <option value="">Tous</option>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <DateField label="Du" value={from} onChange={setFrom} />
        <DateField label="Au" value={to} onChange={setTo} />
      </div>
      {shown.length === 0 ? (
        <p>
          Aucune intervention{rows.length > 0 ? ' ne correspond aux filtres' : ' pour l’instant'}.
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Début</th>
              <th>Client</th>
              <th>Demande</th>
              <th>Bordereau</th>
              <th>Statut</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.visit.id}>
                <td>{formatDateTime(r.visit.startedAt ?? r.visit.createdAt)}</td>
                <td>{r.clientName}</td>
                <td>
                  <Link to={`/interventions/${r.visit.id}`}>{r.visit.header.request}</Link>
                </td>
                <td>
                  {r.visit.reportId && r.visit.number ? (
                    <Link to={`/bordereaux/${r.visit.reportId}`}>{r.visit.number}</Link>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  <span className="badges">
                    <span
                      className={`badge ${r.status === 'running' ? 'warn' : r.status === 'to-sign' ? 'danger' : 'ok'}`}
                    >
                      {VISIT_LIST_STATUS_LABELS[r.status]}
                    </span>
                    {r.closure &&
                      r.closure.closure !== 'signed' &&
                      r.closure.closure !== 'draft' && (
                        <span className="badge warn" title={r.closure.label}>
                          Sans signature du client
                        </span>
                      )}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
