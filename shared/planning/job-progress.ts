import type { JobStatus } from './job-status';

/**
 * How far a job or visit has gone, for merges: a later status never gives way to an
 * earlier one. `to-continue` comes after `signed`-or-`done` of the same visit: it is what a
 * sealed, unresolved bordereau leads to.
 */
export const JOB_PROGRESS: Record<JobStatus, number> = {
  planned: 0,
  'in-progress': 1,
  done: 2,
  signed: 3,
  'to-continue': 3,
};
