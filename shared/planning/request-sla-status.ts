import { formatDateTime } from '../format/date';
import type { RequestDeadline } from './request-deadline';

/**
 * Where a request stands against its deadline at `now`:
 * - `open`: not answered yet, still in time;
 * - `late`: not answered and the deadline has passed;
 * - `met` / `missed`: answered (a technician arrived on site) by the deadline or after it;
 * - `no-deadline`: no rule sets one.
 * Arriving exactly at the deadline meets it.
 */
export type SlaStatus = 'open' | 'late' | 'met' | 'missed' | 'no-deadline';

export const SLA_STATUS_LABELS: Record<SlaStatus, string> = {
  open: 'Dans les délais',
  late: 'En retard',
  met: 'Délai respecté',
  missed: 'Délai dépassé',
  'no-deadline': 'Sans délai contractuel',
};

export interface SlaStanding {
  readonly status: SlaStatus;
  /** A sentence for the office ("Échéance le 24/11/2026 à 09:30."). */
  readonly message: string;
}

export function requestSlaStatus(
  deadline: RequestDeadline | null,
  respondedAt: number | null,
  now: number,
): SlaStanding {
  if (deadline === null) {
    return { status: 'no-deadline', message: 'Aucun délai contractuel pour cette demande.' };
  }
  const due = formatDateTime(deadline.dueAt);
  if (respondedAt !== null) {
    return respondedAt <= deadline.dueAt
      ? {
          status: 'met',
          message: `Intervention le ${formatDateTime(respondedAt)}, délai respecté (échéance le ${due}).`,
        }
      : {
          status: 'missed',
          message: `Intervention le ${formatDateTime(respondedAt)}, après l’échéance du ${due}.`,
        };
  }
  return now <= deadline.dueAt
    ? { status: 'open', message: `Échéance le ${due}.` }
    : { status: 'late', message: `En retard : l’échéance était le ${due}.` };
}
