import type { Contract } from '../../../shared/billing/contract';
import { SLA_SERVER_NETWORK_MINUTES, SLA_WORKSTATION_MINUTES } from '../../../shared/calendar/sla';
import type { LocalDate } from '../../../shared/calendar/local-date';
import { localDateOf } from '../../../shared/calendar/local-date';
import { DEFAULT_OPENING_HOURS } from '../../../shared/calendar/weekly-schedule';
import type { WeeklySchedule } from '../../../shared/calendar/weekly-schedule';
import type { Site } from '../../../shared/inventory/site';
import type { DeadlineContext } from '../../../shared/planning/request-deadline';

type ContractTerms = Pick<Contract, 'startsOn' | 'renewsOn' | 'sla' | 'holidayRegion'>;

/** A client without contract: the response times of 004 art. VI, mainland holidays. */
const NO_CONTRACT: DeadlineContext['contract'] = {
  sla: {
    serverNetworkMinutes: SLA_SERVER_NETWORK_MINUTES,
    workstationMinutes: SLA_WORKSTATION_MINUTES,
  },
  holidayRegion: 'metropole',
};

/** The client's contract in force on `date` (started, not yet due), the latest started first. */
export function contractInForce<C extends ContractTerms>(
  contracts: readonly C[],
  date: LocalDate,
): C | null {
  const live = contracts.filter(
    (c) => c.startsOn <= date && (c.renewsOn === null || date < c.renewsOn),
  );
  return live.sort((a, b) => (a.startsOn < b.startsOn ? 1 : -1))[0] ?? null;
}

/**
 * What a request's deadline is computed with: the site's opening hours (the default ones when
 * the site is unknown here) and the response times of the contract in force when the client
 * called.
 */
export function deadlineContext(
  site: Pick<Site, 'openingHours'> | undefined,
  contracts: readonly ContractTerms[],
  calledAt: number,
): DeadlineContext {
  const openingHours: WeeklySchedule = site?.openingHours ?? DEFAULT_OPENING_HOURS;
  const contract = contractInForce(contracts, localDateOf(calledAt));
  return {
    openingHours,
    contract: contract ? { sla: contract.sla, holidayRegion: contract.holidayRegion } : NO_CONTRACT,
  };
}
