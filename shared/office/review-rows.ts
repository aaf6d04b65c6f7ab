import { z } from 'zod';
import { localDateOf, localDateSchema } from '../calendar/local-date';
import type { LocalDate } from '../calendar/local-date';
import type { BillingFlag, Report } from '../report/model';

/** What the office review lists: one line per intervention, from its latest bordereau. */
export interface ReviewRow {
  readonly reportId: string;
  readonly interventionId: string;
  readonly clientId: string;
  readonly clientName: string;
  readonly number: string;
  readonly version: number;
  readonly technicianName: string;
  readonly technicianCode: string;
  readonly issuedAt: number;
  readonly issuedOn: LocalDate;
  readonly type: Report['content']['intervention']['type'];
  readonly status: ReviewStatus;
  readonly workedMinutes: number;
  readonly billedMinutes: number;
  /** Null when the visit is included in the subscription. */
  readonly totalHtCents: number | null;
  readonly invoicedAt: number | null;
  /** What the office must check before billing (out of hours, beyond quota…). */
  readonly flags: readonly BillingFlag[];
  readonly report: Report;
}

export const REVIEW_FLAG_LABELS: Record<BillingFlag, string> = {
  'outside-opening-hours': 'Hors heures d’ouverture',
  'beyond-quota': 'Au-delà des visites prévues',
  'complementary-without-quote': 'Prestation complémentaire sans devis accepté',
  'equipment-not-covered': 'Équipement hors contrat',
};

/**
 * The report's flags: those it carries, plus out-of-hours work read from the timeline,
 * which every report has (reports sealed before flags existed keep that one).
 */
export function reviewFlags(report: Report): BillingFlag[] {
  const flags = new Set<BillingFlag>(report.content.billing.flags ?? []);
  if (report.content.timeline.outsideOpeningHours) flags.add('outside-opening-hours');
  return [...flags];
}

export const REVIEW_STATUSES = ['draft', 'signed', 'invoiced'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  draft: 'À signer',
  signed: 'Signé',
  invoiced: 'Facturé',
};

/** A bordereau row as the reports table keeps it (only what the review reads). */
export interface ReportRowInput {
  readonly id: string;
  readonly interventionId: string;
  readonly clientId: string;
  readonly report: Report;
}

/** The office's mark on a visit: invoiced (a signed report itself never changes). */
export interface InvoiceMarkInput {
  readonly id: string;
  readonly invoicedAt?: number | null;
}

/**
 * The review lines: the latest version of each intervention's bordereau (a correction
 * supersedes the signed one), with the client's current name and the invoice mark.
 */
export function reviewRows(
  reports: readonly ReportRowInput[],
  interventions: readonly InvoiceMarkInput[],
  clientNames: ReadonlyMap<string, string>,
): ReviewRow[] {
  const latest = new Map<string, ReportRowInput>();
  for (const r of reports) {
    const current = latest.get(r.interventionId);
    if (!current || r.report.content.version.number > current.report.content.version.number)
      latest.set(r.interventionId, r);
  }
  const invoiced = new Map(
    interventions.map((i) => [i.id, typeof i.invoicedAt === 'number' ? i.invoicedAt : null]),
  );
  return [...latest.values()]
    .map((r): ReviewRow => {
      const { content } = r.report;
      const invoicedAt = invoiced.get(r.interventionId) ?? null;
      const billing = content.billing;
      return {
        reportId: r.id,
        interventionId: r.interventionId,
        clientId: r.clientId,
        clientName: clientNames.get(r.clientId) ?? content.client.name,
        number: content.number,
        version: content.version.number,
        technicianName: content.technician.name,
        technicianCode: content.technician.code,
        issuedAt: content.issuedAt,
        issuedOn: localDateOf(content.issuedAt),
        type: content.intervention.type,
        status:
          r.report.status === 'sealed' ? (invoicedAt !== null ? 'invoiced' : 'signed') : 'draft',
        workedMinutes: content.timeline.workedMinutes,
        billedMinutes: content.timeline.billedMinutes,
        totalHtCents: billing.kind === 'billed' ? billing.totalHtCents : null,
        invoicedAt,
        flags: reviewFlags(r.report),
        report: r.report,
      };
    })
    .sort((a, b) => b.issuedAt - a.issuedAt || a.number.localeCompare(b.number));
}

/**
 * The review's filters as the office picks them: a technician, a client, a period
 * (inclusive, '' for no bound) and a status ('' for any).
 */
export const reviewFiltersSchema = z
  .object({
    technicianCode: z.string(),
    clientId: z.string(),
    from: z.union([z.literal(''), localDateSchema]),
    to: z.union([z.literal(''), localDateSchema]),
    status: z.union([z.literal(''), z.enum(REVIEW_STATUSES)]),
  })
  .refine((f) => f.from === '' || f.to === '' || f.from <= f.to, {
    path: ['to'],
    message: 'La fin de la période précède son début.',
  });
export type ReviewFilters = z.infer<typeof reviewFiltersSchema>;

export const NO_FILTERS: ReviewFilters = {
  technicianCode: '',
  clientId: '',
  from: '',
  to: '',
  status: '',
};

export function filterRows(rows: readonly ReviewRow[], f: ReviewFilters): ReviewRow[] {
  return rows.filter(
    (r) =>
      (f.technicianCode === '' || r.technicianCode === f.technicianCode) &&
      (f.clientId === '' || r.clientId === f.clientId) &&
      (f.from === '' || r.issuedOn >= f.from) &&
      (f.to === '' || r.issuedOn <= f.to) &&
      (f.status === '' || r.status === f.status),
  );
}
