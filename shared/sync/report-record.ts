import { z } from 'zod';
import type { Report, SealedReport } from '../report/model';
import { draftReportSchema, sealedReportSchema } from '../report/model';

/**
 * A `reports` record, in the one shape it has everywhere: the laptop's table, the outbox, the
 * wire and the office server. The bordereau itself (`status`, `content`, `seal`: the shared
 * report model, draft or sealed) IS the record, plus the two links the laptop's lists index:
 * the client company (which also scopes the record on the server) and the visit it reports.
 * Nothing else is copied beside it: the number and the seal time are read in `content` and
 * `seal` (the laptop indexes `content.number`), so they can never disagree with the report.
 *
 * Laptops before Dexie version 6 stored the report under `report`, beside copies of its
 * number, status and seal time; report-wire.ts reads that shape wherever it can still turn
 * up (an old outbox, an old backup, a record an old laptop pushed).
 */
const links = {
  clientId: z.uuid(),
  interventionId: z.uuid(),
};

export const reportRecordSchema = z.discriminatedUnion('status', [
  draftReportSchema.extend(links),
  sealedReportSchema.extend(links),
]);
export type ReportRecord = z.infer<typeof reportRecordSchema>;

/**
 * The bordereau of a record, without the links nor the envelope: what the seal, the PDF and
 * the report's own functions take. The parts are the stored objects themselves (no copy), so
 * a sealed content reaches `verifySeal` exactly as stored.
 */
export function reportOf(record: Extract<ReportRecord, { status: 'sealed' }>): SealedReport;
export function reportOf(record: ReportRecord): Report;
export function reportOf(record: ReportRecord): Report {
  return record.status === 'sealed'
    ? { status: 'sealed', content: record.content, seal: record.seal }
    : { status: 'draft', content: record.content };
}
