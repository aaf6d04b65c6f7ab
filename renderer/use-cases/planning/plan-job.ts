import type { LocalDate } from '../../../shared/calendar/local-date';
import type { TimeRange } from '../../../shared/calendar/weekly-schedule';
import type { NeedsLog, PlannedJob } from '../../../shared/planning/job';
import { jobFieldsSchema, jobSchema } from '../../../shared/planning/job';
import { putRecord } from '../../db/changes';
import { newRecordMeta } from '../../db/repositories/new-record';
import type { PlanningDeps } from './planning-deps';

export interface JobPlan {
  readonly requestId: string;
  readonly technicianIds: readonly string[];
  readonly date: LocalDate;
  readonly slot: TimeRange;
  readonly needsLog?: NeedsLog | null;
}

/** Plans a request: gives it to one or more technicians on a day and slot. */
export async function planJob(deps: PlanningDeps, plan: JobPlan): Promise<PlannedJob> {
  const request = await deps.db.requests.get(plan.requestId);
  if (!request) throw new Error('Demande introuvable : elle a peut-être été supprimée.');
  const fields = jobFieldsSchema.parse({
    clientId: request.clientId,
    requestId: request.id,
    technicianIds: [...plan.technicianIds],
    date: plan.date,
    slot: plan.slot,
    needsLog: plan.needsLog ?? (request.kind === 'planned-visit' ? { items: [] } : null),
  });
  const now = deps.now();
  return putRecord(deps.db, 'jobs', jobSchema.parse({ ...fields, ...newRecordMeta(now) }), {
    now,
  });
}
