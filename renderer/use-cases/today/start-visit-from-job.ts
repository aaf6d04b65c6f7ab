import { jobSchema } from '../../../shared/planning/job';
import { jobTransition } from '../../../shared/planning/job-transition';
import type { VisitRecord } from '../../../shared/visit/visit-record';
import { createVisit, getVisit, recordTimerTap } from '../../db/repositories/visits';
import type { TodayDeps } from './deps';
import { FOLLOW_TABLES, followVisit } from './follow-visit';
import { currentTechnicianId } from './technician';
import type { JobArrival } from './visit-from-job';
import { visitFromJob } from './visit-from-job';

/**
 * The technician arrives for a planned job: creates the visit filled from the job's request
 * (client, site, contract, equipment, type, urgency, call time) and linked to the job,
 * records the arrival (the timer's start), and moves the job to « En cours » with this visit
 * in its `visits`: all in ONE transaction. Tapping twice returns the visit already started.
 */
export async function startVisitFromJob(
  deps: TodayDeps,
  jobId: string,
  arrival: JobArrival,
): Promise<VisitRecord> {
  const { db, clock } = deps;
  const technicianId = await currentTechnicianId(db);
  return db.transaction('rw', [...FOLLOW_TABLES, 'contracts'], async () => {
    const stored = await db.jobs.get(jobId);
    if (!stored) {
      throw new Error(
        'Cette intervention planifiée n’est plus sur ce poste (réaffectée ou supprimée) : synchronisez.',
      );
    }
    const job = jobSchema.parse(stored);
    const mine = job.visits.find((v) => v.technicianId === technicianId && v.status !== 'signed');
    const already = mine ? await getVisit(db, mine.visitId) : undefined;
    if (already && already.status !== 'signed') return already;
    // A colleague may have started the same job: joining it is fine; anything else is refused.
    if (job.status !== 'in-progress') {
      const move = jobTransition(job.status, { kind: 'started' });
      if (!move.ok) throw new Error(move.message);
    }
    const request = await db.requests.get(job.requestId);
    if (!request) {
      throw new Error('La demande de cette intervention n’est pas sur ce poste : synchronisez.');
    }
    const contracts = await db.contracts.where('clientId').equals(job.clientId).toArray();
    const now = clock.now();
    const created = await createVisit(db, visitFromJob(job, request, contracts, arrival), now);
    const started = await recordTimerTap(db, created.id, 'start', now);
    await followVisit(db, started, { kind: 'started' }, technicianId, now);
    return started;
  });
}
