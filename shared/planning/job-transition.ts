import type { ReportResult } from '../report/model';
import type { JobStatus } from './job-status';
import { JOB_STATUS_LABELS } from './job-status';

/** What happens to the visit started from a job. */
export type VisitEvent =
  | { readonly kind: 'started' }
  | { readonly kind: 'stopped' }
  /** The timer restarted before signature (a forgotten task). */
  | { readonly kind: 'resumed' }
  | { readonly kind: 'sealed'; readonly result: ReportResult['status'] };

export type JobTransition =
  | { readonly ok: true; readonly status: JobStatus }
  | { readonly ok: false; readonly message: string };

const EVENT_LABELS: Record<VisitEvent['kind'], string> = {
  started: 'démarrer la visite',
  stopped: 'terminer la visite',
  resumed: 'reprendre la visite',
  sealed: 'signer le bordereau',
};

function next(status: JobStatus, event: VisitEvent): JobStatus | null {
  switch (event.kind) {
    case 'started':
      return status === 'planned' ? 'in-progress' : null;
    case 'stopped':
      return status === 'in-progress' ? 'done' : null;
    case 'resumed':
      return status === 'done' ? 'in-progress' : null;
    case 'sealed':
      // A bordereau "à poursuivre" or interrupted sends the job back to the office's queue.
      if (status !== 'done') return null;
      return event.result === 'resolved' ? 'signed' : 'to-continue';
  }
}

/**
 * The job's next status when its visit moves on: planned → in progress → done → signed, or
 * → à poursuivre (back to the office) when the bordereau is sealed unresolved. A signed job
 * is final (signed reports are immutable). Anything else is refused with a French message.
 * The office takes a job « à poursuivre » back to `planned` with replanJob.
 */
export function jobTransition(status: JobStatus, event: VisitEvent): JobTransition {
  const status2 = next(status, event);
  if (status2 === null) {
    return {
      ok: false,
      message: `Impossible de ${EVENT_LABELS[event.kind]} : l’intervention est « ${JOB_STATUS_LABELS[status]} ».`,
    };
  }
  return { ok: true, status: status2 };
}

/** Jobs the office must plan again: those left "à poursuivre". */
export function isInOfficeQueue(job: { readonly status: JobStatus }): boolean {
  return job.status === 'to-continue';
}
