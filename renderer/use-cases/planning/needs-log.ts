import type { NeedsLog, PlannedJob } from '../../../shared/planning/job';
import { jobSchema, needsLogSchema } from '../../../shared/planning/job';
import { updateRecord } from '../../db/changes';
import type { PlanningDeps } from './planning-deps';

/**
 * Records a planned visit's needs log: what the client wants done and, once the client's IT
 * correspondent has validated it, who did and when (004 art. VI: 2 working days before).
 */
export async function saveNeedsLog(
  deps: PlanningDeps,
  jobId: string,
  input: {
    readonly items: readonly string[];
    readonly validatedBy: string;
    readonly validatedAt: number | null;
  },
): Promise<PlannedJob> {
  const needsLog: NeedsLog = needsLogSchema.parse({
    items: input.items.map((i) => i.trim()).filter((i) => i !== ''),
    validatedBy: input.validatedAt === null ? '' : input.validatedBy,
    validatedAt: input.validatedAt,
  });
  return updateRecord<PlannedJob>(
    deps.db,
    'jobs',
    jobId,
    { needsLog },
    { now: deps.now(), validate: (merged) => jobSchema.parse(merged) },
  );
}
