import type { LocalDate } from '../../../shared/calendar/local-date';
import { instantOf } from '../../../shared/calendar/local-date';
import type { TimeRange } from '../../../shared/calendar/weekly-schedule';
import { clockMinutes } from '../../../shared/calendar/weekly-schedule';
import type { PlannedJob } from '../../../shared/planning/job';
import { jobSchema } from '../../../shared/planning/job';
import { checkReschedule } from '../../../shared/planning/rescheduling';
import { updateRecord } from '../../db/changes';
import type { PlanningDeps } from './planning-deps';

export interface JobMove {
  readonly date: LocalDate;
  readonly slot: TimeRange;
  readonly technicianIds?: readonly string[];
  /**
   * The client agreed to the new date (004 art. VI: a planned visit moves with 48 hours'
   * notice, or by agreement).
   */
  readonly clientAgreed?: boolean;
}

const startOf = (date: LocalDate, slot: TimeRange) => instantOf(date, clockMinutes(slot.from));

/**
 * Moves a planned job (another day, slot or technician). A planned infogérance visit moves
 * only with 48 hours' notice unless the client agreed (checkReschedule): otherwise refused
 * with the rule in French. The visits and status stay: they are the field's.
 */
export async function moveJob(
  deps: PlanningDeps,
  jobId: string,
  move: JobMove,
): Promise<PlannedJob> {
  const job = await deps.db.jobs.get(jobId);
  if (!job) throw new Error('Intervention planifiée introuvable.');
  if (job.status !== 'planned') {
    throw new Error('Seule une intervention planifiée, pas encore commencée, peut être déplacée.');
  }
  const request = await deps.db.requests.get(job.requestId);
  const now = deps.now();
  const moved = startOf(move.date, move.slot) !== startOf(job.date, job.slot);
  if (moved && request?.kind === 'planned-visit' && !move.clientAgreed) {
    const check = checkReschedule(startOf(job.date, job.slot), startOf(move.date, move.slot), now);
    if (!check.ok) throw new Error(check.message);
  }
  return updateRecord<PlannedJob>(
    deps.db,
    'jobs',
    jobId,
    {
      date: move.date,
      slot: move.slot,
      ...(move.technicianIds ? { technicianIds: [...move.technicianIds] } : {}),
    },
    { now, validate: (merged) => jobSchema.parse(merged) },
  );
}
