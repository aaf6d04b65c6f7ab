import type { TimerAction } from '../../../shared/time/events';
import type { VisitEvent } from '../../../shared/planning/job-transition';
import type { VisitRecord } from '../../../shared/visit/visit-record';
import { recordTimerTap } from '../../db/repositories/visits';
import type { TodayDeps } from './deps';
import { FOLLOW_TABLES, followVisit } from './follow-visit';
import { currentTechnicianId } from './technician';

const JOB_EVENTS: Partial<Record<TimerAction, VisitEvent>> = {
  start: { kind: 'started' },
  stop: { kind: 'stopped' },
};

/**
 * One tap on a visit's timer, its planned job (if any) following in the same transaction:
 * the start puts it « En cours », the stop « Terminée ». Pauses leave the job as it is.
 */
export async function tapTimerFollowingJob(
  deps: TodayDeps,
  visitId: string,
  action: TimerAction,
): Promise<VisitRecord> {
  const { db, clock } = deps;
  const technicianId = await currentTechnicianId(db);
  return db.transaction('rw', [...FOLLOW_TABLES], async () => {
    const now = clock.now();
    const visit = await recordTimerTap(db, visitId, action, now);
    const event = JOB_EVENTS[action];
    if (event) await followVisit(db, visit, event, technicianId, now);
    return visit;
  });
}
