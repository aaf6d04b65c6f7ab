import type { Contract } from '../billing/contract';
import { slaClock } from '../billing/sla-clock';
import type { SlaClock, SlaClass } from '../billing/sla-clock';
import { categoryGroupOf } from '../inventory/category';
import type { Equipment } from '../inventory/equipment';
import type { Site } from '../inventory/site';
import type { VisitRecord } from './visit-record';

/**
 * Servers and network when one of the equipment worked on is (4 working hours), otherwise
 * workstations and peripherals (8 working hours), 004 art. VI.
 */
export function slaClassOf(visit: VisitRecord, equipment: readonly Equipment[]): SlaClass {
  const picked = new Set(visit.work.equipment.map((e) => e.equipmentId));
  return equipment.some(
    (e) => picked.has(e.id) && categoryGroupOf(e.category) === 'servers-network',
  )
    ? 'server-network'
    : 'workstation';
}

/** The visit's SLA clock, in the site's hours; null when the request time is not recorded. */
export function visitSla(
  visit: VisitRecord,
  contract: Contract,
  site: Pick<Site, 'openingHours'> | null,
  equipment: readonly Equipment[],
  arrivedAt: number | null,
): (SlaClock & { slaClass: SlaClass }) | null {
  if (visit.header.requestedAt === null || visit.header.mode !== 'onsite') return null;
  const slaClass = slaClassOf(visit, equipment);
  return {
    slaClass,
    ...slaClock(
      contract,
      {
        requestedAt: visit.header.requestedAt,
        slaClass,
        siteHours: site?.openingHours ?? null,
      },
      arrivedAt,
    ),
  };
}
