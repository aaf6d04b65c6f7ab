import type { JobVisit, PlannedJob } from '../../../shared/planning/job';
import { jobSchema } from '../../../shared/planning/job';
import { jobTransition } from '../../../shared/planning/job-transition';
import type { VisitEvent } from '../../../shared/planning/job-transition';
import { requestSchema } from '../../../shared/planning/request';
import type { InterventionRequest } from '../../../shared/planning/request';
import type { VisitRecord } from '../../../shared/visit/visit-record';
import { updateRecord } from '../../db/changes';
import type { BordereauDb } from '../../db/database';

/**
 * The tables a visit change that a job follows writes: the caller opens ONE transaction over
 * them, so the visit and its job are saved (and queued for the server) together or not at all.
 */
export const FOLLOW_TABLES = ['interventions', 'outbox', 'jobs', 'requests'] as const;

/**
 * Moves the job a visit was started from along with it (shared/planning/job-transition.ts):
 * planned → in progress → done → signed, or « à poursuivre » (back to the office's queue)
 * when the bordereau is sealed unresolved. Call it inside the transaction that writes the
 * visit change. Only what the field owns is written and synced: the job's status and its
 * `visits`, with the `round` they belong to (the office owns technicians, day and slot; the
 * server merges with job-merge.ts).
 *
 * The visit never fails because of its job: a job no longer on this laptop (reassigned, the
 * pull removed it) leaves the visit alone, and a move the job cannot make (a colleague's
 * visit already took it further, a new version of a signed bordereau) only updates this
 * visit's own line in `visits`, if that can move.
 */
export async function followVisit(
  db: BordereauDb,
  visit: Pick<VisitRecord, 'id' | 'jobId' | 'startedAt'>,
  event: VisitEvent,
  technicianId: string | null,
  now: number,
): Promise<PlannedJob | null> {
  if (visit.jobId === null) return null;
  const stored = await db.jobs.get(visit.jobId);
  if (!stored) return null;
  const job = jobSchema.parse(stored);
  const line = job.visits.find((v) => v.visitId === visit.id);
  const lineNext = jobTransition(line?.status ?? 'planned', event);
  const jobNext = jobTransition(job.status, event);
  if (!lineNext.ok && !jobNext.ok) return job;
  let visits: JobVisit[] = job.visits;
  if (lineNext.ok) {
    if (line) {
      visits = job.visits.map((v) => (v === line ? { ...v, status: lineNext.status } : v));
    } else if (technicianId !== null) {
      visits = [...job.visits, { visitId: visit.id, technicianId, status: lineNext.status }];
    }
  }
  const status = jobNext.ok ? jobNext.status : job.status;
  const written = await updateRecord<PlannedJob>(
    db,
    'jobs',
    job.id,
    // The round says which planning this work belongs to: the office's replanning since
    // (a newer round) wins over it on the server (job-merge.ts).
    { status, visits, round: job.round },
    { now, validate: (merged) => jobSchema.parse(merged) },
  );
  if (event.kind === 'started') await recordArrival(db, job.requestId, visit.startedAt, now);
  return written;
}

/**
 * The request is answered when a technician first arrives (request-sla-status.ts): the
 * visit's start. Written once; an earlier arrival already recorded stays.
 */
async function recordArrival(
  db: BordereauDb,
  requestId: string,
  startedAt: number | null,
  now: number,
): Promise<void> {
  if (startedAt === null) return;
  const request = await db.requests.get(requestId);
  if (!request || request.respondedAt !== null || startedAt < request.calledAt) return;
  await updateRecord<InterventionRequest>(
    db,
    'requests',
    requestId,
    { respondedAt: startedAt },
    { now, validate: (merged) => requestSchema.parse(merged) },
  );
}
