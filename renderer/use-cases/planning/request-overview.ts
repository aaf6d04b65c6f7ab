import type { Contract } from '../../../shared/billing/contract';
import type { Site } from '../../../shared/inventory/site';
import type { PlannedJob } from '../../../shared/planning/job';
import type { InterventionRequest } from '../../../shared/planning/request';
import type { RequestDeadline } from '../../../shared/planning/request-deadline';
import { requestDeadline } from '../../../shared/planning/request-deadline';
import type { SlaStanding } from '../../../shared/planning/request-sla-status';
import { requestSlaStatus } from '../../../shared/planning/request-sla-status';
import { deadlineContext } from './deadline-context';

/**
 * Where a request stands in the office's day: still to plan (no job, or its job came back
 * « à poursuivre »), planned (a job not finished yet), or done (a job signed).
 */
export type RequestPlanning = 'to-plan' | 'planned' | 'done';

export const REQUEST_PLANNING_LABELS: Record<RequestPlanning, string> = {
  'to-plan': 'À planifier',
  planned: 'Planifiée',
  done: 'Terminée',
};

export interface RequestRow {
  readonly request: InterventionRequest;
  readonly jobs: readonly PlannedJob[];
  readonly planning: RequestPlanning;
  readonly technicianIds: readonly string[];
  readonly deadline: RequestDeadline | null;
  readonly standing: SlaStanding;
}

export interface OverviewSources {
  readonly requests: readonly InterventionRequest[];
  readonly jobs: readonly PlannedJob[];
  readonly sites: readonly Pick<Site, 'id' | 'openingHours'>[];
  readonly contracts: readonly Pick<
    Contract,
    'clientId' | 'startsOn' | 'renewsOn' | 'sla' | 'holidayRegion'
  >[];
}

function planningOf(jobs: readonly PlannedJob[]): RequestPlanning {
  if (jobs.some((j) => j.status === 'signed')) return 'done';
  if (jobs.some((j) => j.status !== 'to-continue')) return 'planned';
  return 'to-plan';
}

/** Every request with its jobs, deadline and standing at `now`, the most urgent first. */
export function requestRows(sources: OverviewSources, now: number): RequestRow[] {
  const sites = new Map(sources.sites.map((s) => [s.id, s]));
  const rows = sources.requests.map((request): RequestRow => {
    const jobs = sources.jobs.filter((j) => j.requestId === request.id);
    const contracts = sources.contracts.filter((c) => c.clientId === request.clientId);
    const deadline = requestDeadline(
      request,
      deadlineContext(sites.get(request.siteId), contracts, request.calledAt),
    );
    return {
      request,
      jobs,
      planning: planningOf(jobs),
      technicianIds: [...new Set(jobs.flatMap((j) => j.technicianIds))],
      deadline,
      standing: requestSlaStatus(deadline, request.respondedAt, now),
    };
  });
  const due = (r: RequestRow) => r.deadline?.dueAt ?? Number.MAX_SAFE_INTEGER;
  return rows.sort((a, b) => due(a) - due(b) || a.request.calledAt - b.request.calledAt);
}

/** Counts of one technician's or one client's requests. */
export interface RequestTally {
  readonly key: string;
  readonly toPlan: number;
  readonly planned: number;
  readonly late: number;
  readonly met: number;
  readonly missed: number;
}

/** The rows counted by `keys(row)` (a request counts once for each of its technicians). */
export function tallyRows(
  rows: readonly RequestRow[],
  keys: (row: RequestRow) => readonly string[],
): RequestTally[] {
  const tallies = new Map<string, { -readonly [K in keyof RequestTally]: RequestTally[K] }>();
  for (const row of rows) {
    for (const key of keys(row)) {
      const t = tallies.get(key) ?? { key, toPlan: 0, planned: 0, late: 0, met: 0, missed: 0 };
      if (row.planning === 'to-plan') t.toPlan++;
      if (row.planning === 'planned') t.planned++;
      if (row.standing.status === 'late') t.late++;
      if (row.standing.status === 'met') t.met++;
      if (row.standing.status === 'missed') t.missed++;
      tallies.set(key, t);
    }
  }
  return [...tallies.values()];
}
