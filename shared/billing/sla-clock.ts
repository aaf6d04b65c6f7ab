import { slaDeadline } from '../calendar/sla';
import type { WeeklySchedule } from '../calendar/weekly-schedule';
import type { Contract } from './contract';

/** Which response time applies (004 art. VI): servers and network, or workstations. */
export type SlaClass = 'server-network' | 'workstation';

export interface SlaRequest {
  /** When the client called (ms). */
  readonly requestedAt: number;
  readonly slaClass: SlaClass;
  /** The site's hours; null: the contract's (the fallback). */
  readonly siteHours: WeeklySchedule | null;
}

export interface SlaClock {
  readonly workingMinutes: number;
  readonly deadline: number;
  /** Null while nobody has arrived. */
  readonly met: boolean | null;
}

/**
 * The on-site response deadline of a request (004 art. VI: "4H00 ouvrées suivant l'appel
 * pour les pannes serveurs et réseaux, 8H00 ouvrées pour les postes de travail"), counted in
 * the site's opening hours (the contract's as fallback), skipping the client's public
 * holidays; met when the technician arrived by then.
 */
export function slaClock(
  contract: Contract,
  request: SlaRequest,
  arrivedAt: number | null,
): SlaClock {
  const workingMinutes =
    request.slaClass === 'server-network'
      ? contract.sla.serverNetworkMinutes
      : contract.sla.workstationMinutes;
  const deadline = slaDeadline(request.requestedAt, workingMinutes, {
    periods: request.siteHours ?? contract.openingHours,
    // A client open on public holidays (null) still has them skipped: calendar/sla.ts knows no
    // "no holidays" region, and the reading is the one that favours the provider's duty of means.
    holidays: contract.holidayRegion ?? 'metropole',
  });
  return { workingMinutes, deadline, met: arrivedAt === null ? null : arrivedAt <= deadline };
}
