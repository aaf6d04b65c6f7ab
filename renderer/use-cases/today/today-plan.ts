import type { Contract } from '../../../shared/billing/contract';
import { localDateOf } from '../../../shared/calendar/local-date';
import type { LocalDate } from '../../../shared/calendar/local-date';
import { DEFAULT_OPENING_HOURS } from '../../../shared/calendar/weekly-schedule';
import type { TimeRange } from '../../../shared/calendar/weekly-schedule';
import { CATEGORY_LABELS } from '../../../shared/inventory/category';
import type { Client } from '../../../shared/inventory/client';
import type { Equipment } from '../../../shared/inventory/equipment';
import type { Site } from '../../../shared/inventory/site';
import type { PlannedJob } from '../../../shared/planning/job';
import { JOB_STATUS_LABELS } from '../../../shared/planning/job-status';
import type { JobStatus } from '../../../shared/planning/job-status';
import type { InterventionRequest } from '../../../shared/planning/request';
import { REQUEST_KIND_LABELS } from '../../../shared/planning/request-labels';
import { DEADLINE_BASIS_LABELS, requestDeadline } from '../../../shared/planning/request-deadline';
import { SLA_STATUS_LABELS, requestSlaStatus } from '../../../shared/planning/request-sla-status';
import type { SlaStatus } from '../../../shared/planning/request-sla-status';
import type { VisitRecord, VisitResult } from '../../../shared/visit/visit-record';

/**
 * The technician's plan as « Aujourd'hui » shows it, from what the laptop holds (the morning
 * sync brought the jobs, their requests, the clients' sites, equipment and past visits):
 * today's jobs by slot, then the next days'. Pure: the clock and every record come in.
 */

const RESULT_LABELS: Record<VisitResult['status'], string> = {
  resolved: 'Résolu',
  'to-be-continued': 'À poursuivre',
  interrupted: 'Interrompu',
};

/** How many past visits each equipment shows: the last ones are what a technician reads. */
export const HISTORY_LENGTH = 3;

export interface PastVisit {
  readonly visitId: string;
  /** When it started (ms), or was created when never started. */
  readonly at: number;
  readonly number: string | null;
  readonly request: string;
  readonly result: string;
  readonly signed: boolean;
}

export interface JobEquipment {
  readonly id: string;
  readonly label: string;
  readonly serialNumber: string;
  readonly history: readonly PastVisit[];
}

export interface JobDeadline {
  readonly dueAt: number;
  readonly basis: string;
  readonly status: SlaStatus;
  readonly statusLabel: string;
  readonly message: string;
}

export interface TodayJob {
  readonly jobId: string;
  readonly date: LocalDate;
  readonly slot: TimeRange;
  readonly status: JobStatus;
  readonly statusLabel: string;
  readonly clientName: string;
  readonly siteName: string;
  readonly address: string;
  readonly accessNotes: string;
  readonly kind: string;
  readonly urgent: boolean;
  readonly description: string;
  readonly equipment: readonly JobEquipment[];
  readonly deadline: JobDeadline | null;
  /** A visit from this job on this laptop, not yet signed: the technician goes back to it. */
  readonly openVisitId: string | null;
  /** The technician may start a visit from it (planned, or in progress with a colleague). */
  readonly startable: boolean;
  /** Why something is missing on this laptop (the request or the site not synced yet). */
  readonly missing: string | null;
}

export interface UpcomingDay {
  readonly date: LocalDate;
  readonly jobs: readonly TodayJob[];
}

export interface TodayPlan {
  readonly date: LocalDate;
  readonly today: readonly TodayJob[];
  readonly upcoming: readonly UpcomingDay[];
}

export interface TodaySources {
  readonly technicianId: string | null;
  readonly jobs: readonly PlannedJob[];
  readonly requests: readonly InterventionRequest[];
  readonly clients: readonly Client[];
  readonly sites: readonly Site[];
  readonly equipment: readonly Equipment[];
  readonly contracts: readonly Contract[];
  readonly visits: readonly VisitRecord[];
}

export function equipmentLabel(e: Equipment): string {
  const name = [e.brand, e.model].filter((s) => s !== '').join(' ');
  return `${CATEGORY_LABELS[e.category]}${name ? ` ${name}` : e.hostname ? ` ${e.hostname}` : ''}`;
}

/** Jobs the technician works today and the next days: theirs, and not back at the office. */
function isOnTechniciansDay(job: PlannedJob, technicianId: string | null, today: LocalDate) {
  if (technicianId !== null && !job.technicianIds.includes(technicianId)) return false;
  // A job begun on an earlier day and not finished stays on today's list.
  if (job.date < today) return job.status === 'in-progress' || job.status === 'done';
  return true;
}

function byId<T extends { readonly id: string }>(records: readonly T[]): Map<string, T> {
  return new Map(records.map((r) => [r.id, r]));
}

/** Past visits per equipment, newest first, at most HISTORY_LENGTH each. */
function historyByEquipment(visits: readonly VisitRecord[]): Map<string, PastVisit[]> {
  const history = new Map<string, PastVisit[]>();
  const newestFirst = [...visits].sort(
    (a, b) => (b.startedAt ?? b.createdAt) - (a.startedAt ?? a.createdAt),
  );
  for (const visit of newestFirst) {
    for (const { equipmentId } of visit.work.equipment) {
      const list = history.get(equipmentId) ?? [];
      if (list.length >= HISTORY_LENGTH) continue;
      list.push({
        visitId: visit.id,
        at: visit.startedAt ?? visit.createdAt,
        number: visit.number,
        request: visit.header.request,
        result: RESULT_LABELS[visit.work.result.status],
        signed: visit.status === 'signed',
      });
      history.set(equipmentId, list);
    }
  }
  return history;
}

function deadlineOf(
  request: InterventionRequest,
  site: Site | undefined,
  contract: Contract | undefined,
  now: number,
): JobDeadline | null {
  // Without a contract on the laptop, the contract's defaults: 4 h / 8 h (004 art. VI).
  if (!contract) return null;
  const deadline = requestDeadline(request, {
    openingHours: site?.openingHours ?? DEFAULT_OPENING_HOURS,
    contract,
  });
  if (deadline === null) return null;
  const standing = requestSlaStatus(deadline, request.respondedAt, now);
  return {
    dueAt: deadline.dueAt,
    basis: DEADLINE_BASIS_LABELS[deadline.basis],
    status: standing.status,
    statusLabel: SLA_STATUS_LABELS[standing.status],
    message: standing.message,
  };
}

export function todayPlan(sources: TodaySources, now: number): TodayPlan {
  const today = localDateOf(now);
  const requests = byId(sources.requests);
  const clients = byId(sources.clients);
  const sites = byId(sources.sites);
  const equipment = byId(sources.equipment);
  const history = historyByEquipment(sources.visits);
  const openVisits = new Map<string, string>();
  for (const v of sources.visits) {
    if (v.jobId !== null && v.status !== 'signed') openVisits.set(v.jobId, v.id);
  }

  const views: TodayJob[] = sources.jobs
    .filter((job) => isOnTechniciansDay(job, sources.technicianId, today))
    .map((job) => {
      const request = requests.get(job.requestId);
      const site = request ? sites.get(request.siteId) : undefined;
      const client = clients.get(job.clientId);
      const contract = sources.contracts.find((c) => c.clientId === job.clientId);
      const openVisitId = openVisits.get(job.id) ?? null;
      return {
        jobId: job.id,
        // An unfinished job from an earlier day is shown today.
        date: job.date < today ? today : job.date,
        slot: job.slot,
        status: job.status,
        statusLabel: JOB_STATUS_LABELS[job.status],
        clientName: client?.name ?? 'Client inconnu sur ce poste',
        siteName: site?.name ?? '',
        address: site ? `${site.address}, ${site.postcode} ${site.city}` : '',
        accessNotes: site?.accessNotes ?? '',
        kind: request ? REQUEST_KIND_LABELS[request.kind] : '',
        urgent: request?.urgency === 'urgent',
        description: request?.description ?? '',
        equipment: (request?.equipmentIds ?? []).flatMap((id) => {
          const e = equipment.get(id);
          return e
            ? [
                {
                  id,
                  label: equipmentLabel(e),
                  serialNumber: e.serialNumber,
                  history: history.get(id) ?? [],
                },
              ]
            : [];
        }),
        deadline: request ? deadlineOf(request, site, contract, now) : null,
        openVisitId,
        startable:
          openVisitId === null &&
          request !== undefined &&
          site !== undefined &&
          (job.status === 'planned' || job.status === 'in-progress'),
        missing:
          request === undefined || site === undefined
            ? 'La demande ou le site de cette intervention ne sont pas encore sur ce poste : synchronisez.'
            : null,
      };
    })
    .sort((a, b) =>
      a.date === b.date ? a.slot.from.localeCompare(b.slot.from) : a.date.localeCompare(b.date),
    );

  const upcoming: UpcomingDay[] = [];
  for (const job of views) {
    if (job.date === today) continue;
    const day = upcoming.at(-1);
    if (day?.date === job.date) (day.jobs as TodayJob[]).push(job);
    else upcoming.push({ date: job.date, jobs: [job] });
  }
  return { date: today, today: views.filter((j) => j.date === today), upcoming };
}
