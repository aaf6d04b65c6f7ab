import { formatLocalDate } from '../../../shared/format/date';
import { useTodayPlan } from '../../use-cases/today/use-today-plan';
import { JobCard } from './JobCard';

/**
 * « Aujourd'hui »: the technician's planned jobs of the day, then the next days (collapsed),
 * read from this laptop only: after the morning sync it works without network.
 */
export function TodayPage() {
  const plan = useTodayPlan();
  if (!plan) return <p>Chargement…</p>;
  return (
    <section>
      <h1>Aujourd’hui, {formatLocalDate(plan.date)}</h1>
      {plan.today.length === 0 ? (
        <p className="muted" data-testid="no-job-today">
          Aucune intervention planifiée aujourd’hui.
        </p>
      ) : (
        plan.today.map((job) => <JobCard key={job.jobId} job={job} />)
      )}
      {plan.upcoming.length > 0 && (
        <section aria-labelledby="upcoming-title">
          <h2 id="upcoming-title">Prochains jours</h2>
          {plan.upcoming.map((day) => (
            <details key={day.date} className="panel">
              <summary>
                {formatLocalDate(day.date)} — {day.jobs.length} intervention
                {day.jobs.length > 1 ? 's' : ''}
              </summary>
              {day.jobs.map((job) => (
                <JobCard key={job.jobId} job={job} />
              ))}
            </details>
          ))}
        </section>
      )}
    </section>
  );
}
