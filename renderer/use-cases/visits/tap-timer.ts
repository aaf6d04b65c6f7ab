import { z } from 'zod';
import { TIMER_ACTIONS } from '../../../shared/time/events';
import type { TimerAction } from '../../../shared/time/events';
import type { VisitRecord } from '../../../shared/visit/visit-record';
import { tapTimerFollowingJob } from '../today/tap-timer';
import type { UseCaseDeps } from '../deps';

const tapInputSchema = z.object({
  visitId: z.string().min(1, 'Intervention introuvable.'),
  action: z.enum(TIMER_ACTIONS, 'Action du minuteur inconnue.'),
});

/**
 * One tap on the timer (start, pause, resume, stop), written before anything is shown: a
 * tap that cannot happen is refused with a French message and nothing is written. The
 * visit's planned job, if any, follows in the same transaction (« En cours », « Terminée »).
 */
export async function tapTimer(
  deps: UseCaseDeps,
  input: { readonly visitId: string; readonly action: TimerAction },
): Promise<VisitRecord> {
  const { visitId, action } = tapInputSchema.parse(input);
  return tapTimerFollowingJob(deps, visitId, action);
}
