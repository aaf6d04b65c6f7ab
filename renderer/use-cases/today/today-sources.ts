import { localDateOf } from '../../../shared/calendar/local-date';
import { jobSchema } from '../../../shared/planning/job';
import type { PlannedJob } from '../../../shared/planning/job';
import type { InterventionRequest } from '../../../shared/planning/request';
import { visitRecordSchema } from '../../../shared/visit/visit-record';
import type { BordereauDb } from '../../db/database';
import { currentTechnicianId } from './technician';
import type { TodaySources } from './today-plan';

/**
 * Everything « Aujourd'hui » reads, from IndexedDB only (it works offline once the morning
 * sync brought the jobs): the technician's jobs from today on and those still open from
 * earlier days, their requests, clients, sites, equipment, contracts, and the clients' past
 * visits for each equipment's history. Only the records the jobs name are read, never a
 * whole inventory.
 */
export async function loadTodaySources(db: BordereauDb, now: number): Promise<TodaySources> {
  const technicianId = await currentTechnicianId(db);
  const today = localDateOf(now);
  const stored =
    technicianId === null
      ? await db.jobs.toArray()
      : await db.jobs.where('technicianIds').equals(technicianId).toArray();
  const jobs: PlannedJob[] = stored
    .map((j) => jobSchema.parse(j))
    .filter((j) => j.date >= today || j.status === 'in-progress' || j.status === 'done');
  const clientIds = [...new Set(jobs.map((j) => j.clientId))];
  const requests = (await db.requests.bulkGet(jobs.map((j) => j.requestId))).filter(
    (r): r is InterventionRequest => r !== undefined,
  );
  const [clients, sites, contracts, visits, equipment] = await Promise.all([
    db.clients.bulkGet(clientIds),
    db.sites.bulkGet(requests.map((r) => r.siteId)),
    db.contracts.where('clientId').anyOf(clientIds).toArray(),
    db.interventions.where('clientId').anyOf(clientIds).toArray(),
    db.equipment.bulkGet(requests.flatMap((r) => r.equipmentIds)),
  ]);
  return {
    technicianId,
    jobs,
    requests,
    clients: clients.filter((c) => c !== undefined),
    sites: sites.filter((s) => s !== undefined),
    contracts,
    equipment: equipment.filter((e) => e !== undefined),
    visits: visits.map((v) => visitRecordSchema.parse(v)),
  };
}

/** Whether the technician has jobs planned today: « Aujourd'hui » is then their first screen. */
export async function hasJobsToday(db: BordereauDb, now: number): Promise<boolean> {
  const technicianId = await currentTechnicianId(db);
  const today = localDateOf(now);
  return (
    (await db.jobs
      .where('date')
      .equals(today)
      .filter((j) => technicianId === null || j.technicianIds.includes(technicianId))
      .count()) > 0
  );
}
