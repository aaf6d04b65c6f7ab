import type { JobVisit, PlannedJob } from './job';
import { JOB_PROGRESS } from './job-progress';

type MergeableJob = Pick<
  PlannedJob,
  'technicianIds' | 'date' | 'slot' | 'status' | 'round' | 'visits'
>;

/** Work on the job by a technician it is no longer assigned to, for the office to see. */
export interface KeptWork {
  readonly technicianId: string;
  readonly visitId: string;
  readonly message: string;
}

export interface JobMerge<J extends MergeableJob> {
  readonly job: J;
  readonly keptWork: readonly KeptWork[];
}

/**
 * Merges a job the office changed (`office`: assignment, day, slot) with the copy a
 * technician worked on offline (`field`: visits started from it, status). Who owns what:
 * - the office owns the assignment: its technicians, date and slot win, so a reassigned job
 *   ends on the new technician's laptop only;
 * - the field owns the work: every visit is kept (union by visit id, each at its furthest
 *   status), and the job's status is the furthest of both copies, so work is never lost;
 *   a later round (the office planned it again after « à poursuivre ») beats an earlier
 *   one, whatever their statuses;
 * - a visit by a technician no longer assigned is reported in `keptWork` for the office.
 * Merging is commutative in the work it keeps and idempotent.
 */
export function mergeJob<J extends MergeableJob>(office: J, field: MergeableJob): JobMerge<J> {
  const visits = new Map<string, JobVisit>();
  for (const v of [...office.visits, ...field.visits]) {
    const known = visits.get(v.visitId);
    if (!known || JOB_PROGRESS[v.status] > JOB_PROGRESS[known.status]) visits.set(v.visitId, v);
  }
  const mergedVisits = [...visits.values()].sort((a, b) => (a.visitId < b.visitId ? -1 : 1));
  const fieldAhead =
    field.round > office.round ||
    (field.round === office.round && JOB_PROGRESS[field.status] > JOB_PROGRESS[office.status]);
  const { status, round } = fieldAhead ? field : office;
  const keptWork = mergedVisits
    .filter((v) => !office.technicianIds.includes(v.technicianId))
    .map((v) => ({
      technicianId: v.technicianId,
      visitId: v.visitId,
      message:
        'Intervention réaffectée alors que le technicien précédent y avait déjà travaillé hors ligne : son travail est conservé.',
    }));
  return { job: { ...office, status, round, visits: mergedVisits }, keptWork };
}
