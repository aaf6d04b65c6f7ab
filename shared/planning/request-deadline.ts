import { slaDeadline } from '../calendar/sla';
import { urgentDeadline } from '../calendar/urgent-deadline';
import type { HolidayRegion } from '../calendar/holidays';
import type { WeeklySchedule } from '../calendar/weekly-schedule';
import type { Contract } from '../billing/contract';
import type { InterventionRequest } from './request';
import { siteWorkingPeriods } from './working-periods';

export type DeadlineBasis =
  'sla-server-network' | 'sla-workstation' | 'urgent-remote' | 'urgent-onsite';

export const DEADLINE_BASIS_LABELS: Record<DeadlineBasis, string> = {
  'sla-server-network': '4 h ouvrées, serveurs et réseau (004 art. VI)',
  'sla-workstation': '8 h ouvrées, postes et périphériques (004 art. VI)',
  'urgent-remote': 'Urgent : 1 jour ouvré à distance (002 art. IV.2.1)',
  'urgent-onsite': 'Urgent : 2 jours ouvrés sur site (002 art. IV.2.1)',
};

export interface RequestDeadline {
  /** When the response is due (ms). */
  readonly dueAt: number;
  /** The rule that gives it: the earliest when several apply. */
  readonly basis: DeadlineBasis;
}

export interface DeadlineContext {
  /** The site's opening hours (Europe/Paris wall clock). */
  readonly openingHours: WeeklySchedule;
  readonly contract: Pick<Contract, 'sla' | 'holidayRegion'>;
}

type DeadlineRequest = Pick<
  InterventionRequest,
  'calledAt' | 'kind' | 'slaClass' | 'urgency' | 'urgentMode'
>;

/**
 * When a request must be answered on site, or null when no rule sets a deadline (a planned
 * visit, complementary work, an incident with no response-time class that is not urgent).
 *
 * - Incidents get the contract's response time (004 art. VI: 4 working hours for servers and
 *   network, 8 for workstations and peripherals), counted in working time: inside the
 *   intervention periods AND the site's opening hours, skipping public holidays.
 * - Urgent requests (002 art. IV.2.1) are due 1 or 2 working days later in the client's
 *   opening hours (shared/calendar/urgent-deadline.ts).
 * When both apply, the earlier one is the deadline.
 *
 * Public holidays: a client that opens on them (holidayRegion null) still waits for the
 * provider's working days, so mainland holidays are skipped then.
 */
export function requestDeadline(
  request: DeadlineRequest,
  context: DeadlineContext,
): RequestDeadline | null {
  const holidays: HolidayRegion = context.contract.holidayRegion ?? 'metropole';
  const candidates: RequestDeadline[] = [];
  if (request.kind === 'incident' && request.slaClass !== 'none') {
    const minutes =
      request.slaClass === 'server-network'
        ? context.contract.sla.serverNetworkMinutes
        : context.contract.sla.workstationMinutes;
    candidates.push({
      dueAt: slaDeadline(request.calledAt, minutes, {
        periods: siteWorkingPeriods(context.openingHours),
        holidays,
      }),
      basis: request.slaClass === 'server-network' ? 'sla-server-network' : 'sla-workstation',
    });
  }
  if (request.urgency === 'urgent') {
    candidates.push({
      dueAt: urgentDeadline(request.calledAt, request.urgentMode, {
        openingHours: context.openingHours,
        holidays,
      }),
      basis: request.urgentMode === 'remote' ? 'urgent-remote' : 'urgent-onsite',
    });
  }
  if (candidates.length === 0) return null;
  return candidates.reduce((a, b) => (b.dueAt < a.dueAt ? b : a));
}
