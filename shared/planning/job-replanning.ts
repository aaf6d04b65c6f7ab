import type { PlannedJob } from './job';
import { JOB_STATUS_LABELS } from './job-status';

export type Replanning<J> =
  { readonly ok: true; readonly job: J } | { readonly ok: false; readonly message: string };

/**
 * The office plans a job left « à poursuivre » again: new technicians, day and slot, back to
 * `planned` in a new round (see mergeJob); the visits already made stay on it.
 */
export function replanJob<
  J extends Pick<PlannedJob, 'status' | 'round' | 'technicianIds' | 'date' | 'slot'>,
>(job: J, plan: Pick<PlannedJob, 'technicianIds' | 'date' | 'slot'>): Replanning<J> {
  if (job.status !== 'to-continue') {
    return {
      ok: false,
      message: `Seule une intervention « À poursuivre » se replanifie : celle-ci est « ${JOB_STATUS_LABELS[job.status]} ».`,
    };
  }
  return {
    ok: true,
    job: {
      ...job,
      technicianIds: [...plan.technicianIds],
      date: plan.date,
      slot: plan.slot,
      status: 'planned',
      round: job.round + 1,
    },
  };
}
