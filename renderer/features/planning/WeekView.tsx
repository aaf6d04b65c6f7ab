import { useState } from 'react';
import { addLocalDays, isoWeekday, localDateOf } from '../../../shared/calendar/local-date';
import type { LocalDate } from '../../../shared/calendar/local-date';
import { formatLocalDate } from '../../../shared/format/date';
import type { PlannedJob } from '../../../shared/planning/job';
import { JOB_STATUS_LABELS } from '../../../shared/planning/job-status';
import { scheduleConflicts } from '../../../shared/planning/schedule-conflicts';
import { moveJob } from '../../use-cases/planning/move-job';
import { planningDeps } from '../../use-cases/planning/use-planning-data';
import { technicianName } from './planning-panel';
import type { PlanningPanelProps } from './planning-panel';
import { useActionStatus } from './useActionStatus';

const DAY_NAMES = ['Lun.', 'Mar.', 'Mer.', 'Jeu.', 'Ven.', 'Sam.', 'Dim.'];

/** Monday of the week holding `date`. */
const mondayOf = (date: LocalDate) => addLocalDays(date, 1 - isoWeekday(date));

/** Visits by a technician no longer assigned (job-merge.ts): the office sees them. */
function keptWorkOf(job: PlannedJob, name: (id: string) => string): string | null {
  const others = job.visits.filter((v) => !job.technicianIds.includes(v.technicianId));
  if (others.length === 0) return null;
  return `Travail conservé de ${[...new Set(others.map((v) => name(v.technicianId)))].join(', ')} (réaffectée après une visite commencée).`;
}

/**
 * The week per technician: a row each, a column per day. A job moves by dragging its card to
 * another day or technician, or with its « jour précédent / suivant » buttons (keyboard).
 * Conflicts and the 48-hour rule are shown in French.
 */
export function WeekView({ data, technicians, now }: PlanningPanelProps) {
  const [monday, setMonday] = useState(() => mondayOf(localDateOf(now)));
  const [clientAgreed, setClientAgreed] = useState(false);
  const { message, run } = useActionStatus();
  const days = Array.from({ length: 7 }, (_, i) => addLocalDays(monday, i));
  const name = (id: string) => technicianName(technicians, id);
  const clientName = (id: string) => data.clients.find((c) => c.id === id)?.name ?? 'Client';
  const rowIds = [
    ...new Set([...technicians.map((t) => t.id), ...data.jobs.flatMap((j) => j.technicianIds)]),
  ];
  const conflicts = scheduleConflicts(data.jobs.filter((j) => j.status === 'planned'));

  const move = (job: PlannedJob, date: LocalDate, from?: string, to?: string) =>
    run(async () => {
      const technicianIds =
        from && to && from !== to
          ? [...new Set(job.technicianIds.map((t) => (t === from ? to : t)))]
          : undefined;
      await moveJob(planningDeps(), job.id, {
        date,
        slot: job.slot,
        clientAgreed,
        ...(technicianIds ? { technicianIds } : {}),
      });
      return 'Intervention déplacée.';
    }, 'Le déplacement a échoué.');

  return (
    <section aria-label="Semaine">
      <h2>Semaine du {formatLocalDate(monday)}</h2>
      <button type="button" onClick={() => setMonday(addLocalDays(monday, -7))}>
        Semaine précédente
      </button>
      <button type="button" onClick={() => setMonday(addLocalDays(monday, 7))}>
        Semaine suivante
      </button>
      <label>
        <input
          type="checkbox"
          checked={clientAgreed}
          onChange={(e) => setClientAgreed(e.target.checked)}
        />
        Le client a accepté le report (moins de 48 h avant une visite planifiée)
      </label>
      {message && <p role="status">{message}</p>}
      {conflicts.length > 0 && (
        <ul aria-label="Conflits">
          {conflicts.map((c) => (
            <li key={`${c.technicianId}-${c.jobIds.join('-')}`} role="alert">
              {name(c.technicianId)} : {c.message}
            </li>
          ))}
        </ul>
      )}
      <table className="week">
        <thead>
          <tr>
            <th scope="col">Technicien</th>
            {days.map((d, i) => (
              <th scope="col" key={d}>
                {DAY_NAMES[i]} {formatLocalDate(d).slice(0, 5)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rowIds.map((technicianId) => (
            <tr key={technicianId}>
              <th scope="row">{name(technicianId)}</th>
              {days.map((day) => (
                <td
                  key={day}
                  data-testid={`cell-${technicianId}-${day}`}
                  onDragOver={(e) => e.preventDefault()}
                  onDrop={(e) => {
                    e.preventDefault();
                    const [jobId, fromTech] = e.dataTransfer.getData('text/plain').split('|');
                    const job = data.jobs.find((j) => j.id === jobId);
                    if (job) void move(job, day, fromTech, technicianId);
                  }}
                >
                  {data.jobs
                    .filter((j) => j.date === day && j.technicianIds.includes(technicianId))
                    .sort((a, b) => (a.slot.from < b.slot.from ? -1 : 1))
                    .map((job) => {
                      const kept = keptWorkOf(job, name);
                      return (
                        <div
                          key={job.id}
                          className="job-card"
                          data-testid="week-job"
                          draggable={job.status === 'planned'}
                          onDragStart={(e) =>
                            e.dataTransfer.setData('text/plain', `${job.id}|${technicianId}`)
                          }
                        >
                          <strong>
                            {job.slot.from}–{job.slot.to}
                          </strong>{' '}
                          {clientName(job.clientId)} — {JOB_STATUS_LABELS[job.status]}
                          {kept && <p className="muted">{kept}</p>}
                          {job.status === 'planned' && (
                            <span>
                              <button
                                type="button"
                                aria-label="Jour précédent"
                                onClick={() => void move(job, addLocalDays(job.date, -1))}
                              >
                                ◀
                              </button>
                              <button
                                type="button"
                                aria-label="Jour suivant"
                                onClick={() => void move(job, addLocalDays(job.date, 1))}
                              >
                                ▶
                              </button>
                            </span>
                          )}
                        </div>
                      );
                    })}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
