import type { Contract } from '../billing/contract';
import type { Client } from '../inventory/client';
import type { Equipment } from '../inventory/equipment';
import type { Site } from '../inventory/site';
import type { ReportSources } from './build-report';
import { priceVisit, visitPricingInput } from './visit-pricing';
import type { VisitRecord } from './visit-record';
import { visitSla } from './visit-sla';

/** A visit and the records it names, as the laptop holds them. */
export interface VisitRecords {
  readonly visit: VisitRecord;
  readonly client: Client | undefined;
  readonly site: Site | undefined;
  readonly contract: Contract | undefined;
  /** The client's whole inventory. */
  readonly equipment: readonly Equipment[];
  readonly otherVisits: readonly VisitRecord[];
}

/**
 * The bordereau's sources at `issuedAt`: the visit priced (one pricing input, the same as
 * the timer's preview), its SLA outcome, the equipment it names; or the French reason they
 * cannot be assembled. Used for the summary the client reads and for the sealed report, so
 * both show the same figures.
 */
export function reportSourcesOf(
  records: VisitRecords,
  extra: Pick<ReportSources, 'reportId' | 'issuedAt' | 'provider' | 'technician' | 'photos'>,
): ReportSources | string {
  const { visit, client, site, contract } = records;
  if (!client || !site || !contract) return 'Client, site ou contrat introuvable sur ce poste.';
  const picked = new Set(visit.work.equipment.map((e) => e.equipmentId));
  const equipment = records.equipment.filter((e) => picked.has(e.id));
  let pricing: ReturnType<typeof priceVisit>;
  try {
    pricing = priceVisit(visitPricingInput({ ...records, contract, site }, extra.issuedAt));
  } catch (e) {
    // A contract the engine cannot price (no VAT rate that day…) or an impossible timer log.
    return e instanceof Error ? e.message : 'Prix impossible à calculer.';
  }
  const sla = visitSla(visit, contract, site, equipment, pricing.timeline.arrival);
  return {
    ...extra,
    sla:
      sla && sla.met !== null
        ? {
            requestedAt: visit.header.requestedAt ?? 0,
            workingMinutes: sla.workingMinutes,
            deadlineAt: sla.deadline,
            met: sla.met,
          }
        : null,
    visit,
    pricing,
    client,
    site,
    contract,
    equipment,
  };
}
