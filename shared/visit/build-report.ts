import type { Contract } from '../billing/contract';
import { subscriptionVisitCount, subscriptionVisitLabel } from '../billing/subscription-visits';
import { CATEGORY_LABELS } from '../inventory/category';
import type { Client } from '../inventory/client';
import type { Equipment } from '../inventory/equipment';
import type { Site } from '../inventory/site';
import { instantOf } from '../calendar/local-date';
import { teamMemberReport } from './team-report';
import type {
  BillingSummary,
  ReportResult,
  Provider,
  ReportContent,
  ReportEquipment,
  ReportPhoto,
  SlaOutcome,
} from '../report/model';
import { BILLING_FLAGS, reportContentSchema } from '../report/model';
import { isValidSiret } from '../report/company-ids';
import type { VisitPricing } from './visit-pricing';
import type { VisitRecord, VisitResult } from './visit-record';

/**
 * The bordereau's content, built from a stopped visit and the records it names. Pure: the
 * report id, the instant and every record come in as arguments. The report model checks
 * completeness (`reportContentIssues`), so the sign screen can list what is missing.
 */
export interface ReportSources {
  readonly reportId: string;
  readonly issuedAt: number;
  readonly visit: VisitRecord;
  readonly pricing: VisitPricing;
  readonly provider: Provider;
  readonly technician: { readonly name: string; readonly code: string };
  readonly client: Client;
  readonly site: Site;
  readonly contract: Contract;
  /** The inventory records the visit names (missing ones are skipped). */
  readonly equipment: readonly Equipment[];
  readonly photos: readonly ReportPhoto[];
  /** The response-time outcome when the request time was recorded (visit-sla.ts). */
  readonly sla?: SlaOutcome | null;
}

export type DraftContent = Omit<ReportContent, 'number'>;

export function equipmentLabel(e: Equipment): string {
  const name = [e.brand, e.model].filter((s) => s !== '').join(' ');
  return `${CATEGORY_LABELS[e.category]}${name ? ` ${name}` : e.hostname ? ` ${e.hostname}` : ''}`;
}

function reportEquipment(visit: VisitRecord, equipment: readonly Equipment[]): ReportEquipment[] {
  const byId = new Map(equipment.map((e) => [e.id, e]));
  const rows: ReportEquipment[] = [];
  for (const picked of visit.work.equipment) {
    const e = byId.get(picked.equipmentId);
    if (!e) continue;
    const discoveredAt =
      picked.discoveredAt ?? (!e.declared && e.discoveredOn ? instantOf(e.discoveredOn, 0) : null);
    rows.push({
      equipmentId: e.id,
      label: equipmentLabel(e),
      category: CATEGORY_LABELS[e.category],
      serialNumber: e.serialNumber,
      assetTag: e.assetTag,
      covered: e.covered,
      newlyDiscovered: discoveredAt !== null,
      discoveredAt,
    });
  }
  return rows;
}

/**
 * The client as the bordereau names it: its SIRET when valid (a typo must not block a
 * signature on site: it is left out, the office corrects the client record) and its billing
 * address when complete.
 */
function reportClient(client: Client): ReportContent['client'] {
  const street = client.billingStreet?.trim() ?? '';
  const postcode = client.billingPostcode?.trim() ?? '';
  const city = client.billingCity?.trim() ?? '';
  return {
    name: client.name,
    clientCode: '',
    ...(isValidSiret(client.siret) ? { siret: client.siret } : {}),
    ...(street && postcode && city ? { billingAddress: { street, postcode, city } } : {}),
  };
}

function reportResult(result: VisitResult): ReportResult {
  switch (result.status) {
    case 'resolved':
      return { status: 'resolved' };
    case 'to-be-continued':
      return { status: 'to-be-continued', nextSteps: result.nextSteps };
    case 'interrupted':
      // A missing reason is left for the model to reject with its French message.
      return { status: 'interrupted', reason: result.reason as 'no-access', detail: result.detail };
  }
}

function reportBilling(sources: ReportSources): BillingSummary {
  const { priced } = sources.pricing;
  const hourBank = priced.hourBank
    ? {
        deductedMinutes: priced.hourBank.deductedMinutes,
        balanceAfterMinutes: priced.hourBank.balanceAfterMinutes,
      }
    : null;
  // Only set when there is something to flag: a report without flags keeps its old shape.
  const flagged = BILLING_FLAGS.filter((code) => priced.flags.some((f) => f.code === code));
  const flags = {
    ...(flagged.length > 0 ? { flags: flagged } : {}),
    ...(sources.sla ? { sla: sources.sla } : {}),
  };
  const { inclusion } = priced;
  if (inclusion.included && priced.totalHtCents === 0) {
    const counted =
      inclusion.countsAgainstQuota &&
      inclusion.rank !== null &&
      inclusion.perYear !== null &&
      inclusion.perYear > 0;
    const count = subscriptionVisitCount(
      counted ? inclusion.perYear : null,
      (inclusion.rank ?? 1) - 1,
    );
    return {
      kind: 'included',
      subscriptionLabel:
        sources.contract.label ||
        `Contrat ${sources.contract.reference} — ${
          inclusion.countsAgainstQuota ? subscriptionVisitLabel(count) : 'incident inclus'
        }`,
      visits: counted ? { used: count.rank, perYear: inclusion.perYear ?? 0 } : null,
      hourBank,
      ...flags,
    };
  }
  const quotes = [
    ...new Set(
      sources.visit.work.complementary
        .map((c) => c.quoteNumber)
        // Only quotes the visit holds signed and sealed are "accepted".
        .filter((n) => sources.visit.quotes.some((q) => q.content.number === n)),
    ),
  ];
  return {
    kind: 'billed',
    lines: priced.lines.map((line) => ({
      label: line.label,
      ...(line.quantity !== null && line.quantity > 0 ? { quantity: line.quantity } : {}),
      ...(line.unitHtCents !== null ? { unitHtCents: line.unitHtCents } : {}),
      htCents: line.htCents,
      ...(line.timeMinutes !== null && line.timeMinutes > 0
        ? { timeMinutes: line.timeMinutes }
        : {}),
      ...(line.detail !== null ? { detail: line.detail } : {}),
    })),
    totalHtCents: priced.totalHtCents,
    vatRateBasisPoints: priced.vatRateBasisPoints,
    vatCents: priced.vatCents,
    totalTtcCents: priced.ttcCents,
    hourBank,
    ...flags,
    ...(quotes.length > 0 ? { quoteNumbers: quotes } : {}),
  };
}

export function buildReportContent(sources: ReportSources): DraftContent {
  const { visit, pricing, site } = sources;
  const { timeline, priced } = pricing;
  const { header, work } = visit;
  return {
    id: sources.reportId,
    version: { number: 1, supersedes: null },
    issuedAt: sources.issuedAt,
    provider: sources.provider,
    technician: { name: sources.technician.name, code: sources.technician.code },
    client: reportClient(sources.client),
    site: {
      name: site.name,
      address: { street: site.address, postcode: site.postcode, city: site.city },
    },
    contract: { reference: sources.contract.reference, label: sources.contract.label },
    representative: header.representative
      ? { name: header.representative.name, role: header.representative.role }
      : null,
    intervention: {
      type: header.type,
      mode: header.mode,
      urgency: header.urgency,
      requestReference: header.requestReference,
      request: header.request,
    },
    timeline: {
      arrivalAt: timeline.arrival ?? sources.issuedAt,
      departureAt: timeline.departure ?? sources.issuedAt,
      pauses: timeline.pauses.map((p) => ({ startAt: p.start, endAt: p.end ?? p.start })),
      corrections: timeline.corrections.map((c) => ({
        event: c.eventType,
        originalAt: c.original,
        correctedAt: c.corrected,
        reason: c.reason,
        recordedAt: c.recordedAt,
      })),
      workedMinutes: timeline.workedMinutes,
      billedMinutes: priced.billedMinutes,
      ladderStepLabel: priced.stepLabel,
      outsideOpeningHours: priced.openingHours?.outside ?? false,
    },
    equipment: reportEquipment(visit, sources.equipment),
    work: { description: work.description, checklist: work.checklist },
    parts: work.parts.map((p) => ({
      label: p.label,
      reference: p.reference,
      serialNumber: p.serialNumber,
      quantity: p.quantity,
    })),
    result: reportResult(work.result),
    recommendations: work.recommendations,
    backup: {
      clientConfirmedBackup: header.clientConfirmedBackup,
      responsibility: sources.contract.backupsCheckedByProvider ? 'provider-checks' : 'client',
    },
    billing: reportBilling(sources),
    clientRemarks: work.clientRemarks,
    photos: [...sources.photos],
    // Only with other technicians: a visit of one keeps the report's earlier shape.
    ...(pricing.team.length > 0
      ? { team: pricing.team.map((b) => teamMemberReport(b, sources.issuedAt)) }
      : {}),
  };
}

const draftContentSchema = reportContentSchema.omit({ number: true });

/** What keeps the report from being signed, in French (empty when it is complete). */
export function reportContentIssues(content: DraftContent): string[] {
  const parsed = draftContentSchema.safeParse(content);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => issue.message);
}
