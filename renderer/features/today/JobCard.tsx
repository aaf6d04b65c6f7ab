import { Link } from 'react-router';
import { formatDate } from '../../../shared/format/date';
import type { TodayJob } from '../../use-cases/today/today-plan';
import { StartJobForm } from './StartJobForm';

const DEADLINE_BADGES: Record<string, string> = {
  open: 'ok',
  met: 'ok',
  late: 'danger',
  missed: 'danger',
};

/** One planned job: where, when, what for, on which equipment (with its last visits), by when. */
export function JobCard({ job }: { job: TodayJob }) {
  const title = `${job.slot.from}–${job.slot.to} · ${job.clientName}`;
  return (
    <article className="panel job-card" aria-label={title} data-testid="job-card">
      <h3>
        {title}{' '}
        <span className="badge" data-testid="job-status">
          {job.statusLabel}
        </span>
        {job.urgent && <span className="badge danger"> Urgent</span>}
      </h3>
      {job.missing && (
        <p className="field-error" role="status">
          {job.missing}
        </p>
      )}
      <dl className="facts">
        <dt>Site</dt>
        <dd>
          {job.siteName}
          {job.address && ` — ${job.address}`}
        </dd>
        {job.accessNotes && (
          <>
            <dt>Accès</dt>
            <dd data-testid="access-notes">{job.accessNotes}</dd>
          </>
        )}
        <dt>Demande</dt>
        <dd>
          {job.kind && `${job.kind} : `}
          {job.description}
        </dd>
        <dt>Délai</dt>
        <dd data-testid="job-deadline">
          {job.deadline ? (
            <>
              <span className={`badge ${DEADLINE_BADGES[job.deadline.status] ?? ''}`}>
                {job.deadline.statusLabel}
              </span>{' '}
              {job.deadline.message} <span className="muted">({job.deadline.basis})</span>
            </>
          ) : (
            'Sans délai contractuel'
          )}
        </dd>
      </dl>
      {job.equipment.length > 0 && (
        <section aria-label="Équipements concernés">
          <h4>Équipements concernés</h4>
          <ul>
            {job.equipment.map((e) => (
              <li key={e.id} data-testid="job-equipment">
                {e.label}
                {e.serialNumber && <span className="muted"> · S/N {e.serialNumber}</span>}
                {e.history.length === 0 ? (
                  <span className="muted"> · aucune visite enregistrée sur ce poste</span>
                ) : (
                  <ul className="muted" aria-label={`Dernières visites : ${e.label}`}>
                    {e.history.map((h) => (
                      <li key={h.visitId}>
                        {formatDate(h.at)}
                        {h.number && ` · ${h.number}`} · {h.request} · {h.result}
                        {!h.signed && ' (non signé)'}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {job.openVisitId && (
        <Link className="button primary" to={`/interventions/${job.openVisitId}`}>
          Reprendre l’intervention
        </Link>
      )}
      {job.status === 'to-continue' && (
        <p className="muted">À poursuivre : le bureau la replanifie.</p>
      )}
      {job.startable && <StartJobForm jobId={job.jobId} />}
    </article>
  );
}
