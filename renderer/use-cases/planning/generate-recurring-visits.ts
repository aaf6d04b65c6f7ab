import { localDateOf } from '../../../shared/calendar/local-date';
import { contractRecurringVisits } from '../../../shared/planning/recurring-visits';
import type { PlannedJob } from '../../../shared/planning/job';
import { jobSchema } from '../../../shared/planning/job';
import type { InterventionRequest } from '../../../shared/planning/request';
import { requestSchema } from '../../../shared/planning/request';
import { putRecord } from '../../db/changes';
import { newRecordMeta } from '../../db/repositories/new-record';
import type { PlanningDeps } from './planning-deps';

export interface RecurringVisitsInput {
  readonly contractId: string;
  readonly siteId: string;
  readonly technicianIds: readonly string[];
}

export interface RecurringVisitsResult {
  /** Visits planned now (a request and a job each, with an empty needs log). */
  readonly created: number;
  /** Visits of the period already planned for the client on the same day. */
  readonly alreadyPlanned: number;
  /** Visits of the period before today: not planned. */
  readonly past: number;
}

/**
 * Plans the infogérance visits a contract includes over its period (shared/planning/
 * recurring-visits.ts, in the site's opening hours): for each visit from today on, a request
 * of kind « visite planifiée » and its job with an empty needs log, all or none in one
 * transaction. Run again, it plans only what is missing (a planned visit of the client on the
 * same day counts as done).
 */
export async function generateRecurringVisits(
  deps: PlanningDeps,
  input: RecurringVisitsInput,
): Promise<RecurringVisitsResult> {
  const { db } = deps;
  const contract = await db.contracts.get(input.contractId);
  if (!contract) throw new Error('Contrat introuvable.');
  if (contract.subscriptionVisitsPerYear === null || contract.subscriptionVisitsPerYear === 0) {
    throw new Error('Ce contrat ne prévoit pas de visites planifiées (nombre de visites par an).');
  }
  const site = await db.sites.get(input.siteId);
  if (!site || site.clientId !== contract.clientId) {
    throw new Error('Ce site n’appartient pas au client du contrat.');
  }
  if (input.technicianIds.length === 0) throw new Error('Affectez au moins un technicien.');
  const visits = contractRecurringVisits(contract, { openingHours: site.openingHours });
  const now = deps.now();
  const today = localDateOf(now);

  return db.transaction('rw', [db.requests, db.jobs, db.outbox], async () => {
    const jobs = await db.jobs.where('clientId').equals(contract.clientId).toArray();
    const requests = await db.requests.bulkGet(jobs.map((j) => j.requestId));
    const plannedDays = new Set(
      jobs.filter((_, i) => requests[i]?.kind === 'planned-visit').map((j) => j.date),
    );
    let created = 0;
    let alreadyPlanned = 0;
    let past = 0;
    for (const visit of visits) {
      if (visit.date < today) {
        past++;
        continue;
      }
      if (plannedDays.has(visit.date)) {
        alreadyPlanned++;
        continue;
      }
      const request: InterventionRequest = requestSchema.parse({
        clientId: contract.clientId,
        siteId: site.id,
        description: `Visite d’infogérance ${visit.rank}/${contract.subscriptionVisitsPerYear} (année ${visit.year + 1}) — contrat ${contract.reference}`,
        channel: 'other',
        calledAt: now,
        kind: 'planned-visit',
        ...newRecordMeta(now),
      });
      const job: PlannedJob = jobSchema.parse({
        clientId: contract.clientId,
        requestId: request.id,
        technicianIds: [...input.technicianIds],
        date: visit.date,
        slot: visit.slot,
        needsLog: { items: [] },
        ...newRecordMeta(now),
      });
      await putRecord(db, 'requests', request, { now });
      await putRecord(db, 'jobs', job, { now });
      created++;
    }
    return { created, alreadyPlanned, past };
  });
}
