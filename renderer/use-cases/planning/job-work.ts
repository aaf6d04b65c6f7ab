import type { JobVisit, PlannedJob } from '../../../shared/planning/job';
import { jobSchema } from '../../../shared/planning/job';
import type { JobStatus } from '../../../shared/planning/job-status';
import { updateRecord } from '../../db/changes';
import type { PlanningDeps } from './planning-deps';

/** The field's part of a job: where it stands and the visits started from it. */
export interface JobWork {
  readonly status: JobStatus;
  readonly visits: readonly JobVisit[];
}

/**
 * Records the technician's work on a job (status, visits), the only part of a job the field
 * writes: the server merges it with the office's copy (server/sync/job-ownership.ts). The
 * job's `round` goes with it, so a status about an earlier planning never moves a replanned
 * job forward.
 */
export async function saveJobWork(
  deps: PlanningDeps,
  jobId: string,
  work: JobWork,
): Promise<PlannedJob> {
  const job = await deps.db.jobs.get(jobId);
  if (!job)
    throw new Error('Intervention planifiée introuvable : elle a peut-être été réaffectée.');
  return updateRecord<PlannedJob>(
    deps.db,
    'jobs',
    jobId,
    { status: work.status, visits: [...work.visits], round: job.round },
    { now: deps.now(), validate: (merged) => jobSchema.parse(merged) },
  );
}
