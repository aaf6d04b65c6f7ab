/**
 * A planned job's status follows the visit started from it: planned → in progress (the
 * timer started) → done (the timer stopped) → signed (the bordereau sealed with the work
 * resolved). A bordereau sealed "à poursuivre" or interrupted puts the job back in the
 * office's queue (`to-continue`), where the office plans it again.
 */
export const JOB_STATUSES = ['planned', 'in-progress', 'done', 'signed', 'to-continue'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  planned: 'Planifiée',
  'in-progress': 'En cours',
  done: 'Terminée',
  signed: 'Signée',
  'to-continue': 'À poursuivre',
};
