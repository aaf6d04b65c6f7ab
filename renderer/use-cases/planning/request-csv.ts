import Papa from 'papaparse';
import { formatDate, formatLocalDate, formatTime } from '../../../shared/format/date';
import { neutraliseCell } from '../../../shared/inventory/csv/export';
import { JOB_STATUS_LABELS } from '../../../shared/planning/job-status';
import { REQUEST_KIND_LABELS } from '../../../shared/planning/request-labels';
import { REQUEST_PLANNING_LABELS } from './request-overview';
import type { RequestRow } from './request-overview';
import { SLA_STATUS_LABELS } from '../../../shared/planning/request-sla-status';

const BOM = '\uFEFF';

/** Day and time in two words a spreadsheet reads as a date: « 07/12/2026 09:00 ». */
const when = (ms: number) => `${formatDate(ms)} ${formatTime(ms)}`;

export const REQUEST_CSV_HEADERS = [
  'Appel',
  'Client',
  'Type',
  'Urgence',
  'Description',
  'Échéance',
  'Délai',
  'Arrivée sur site',
  'Planification',
  'Interventions',
  'Techniciens',
] as const;

export interface CsvNames {
  readonly client: (id: string) => string;
  readonly technician: (id: string) => string;
}

/**
 * The office's requests as a spreadsheet (the same conventions as the billable CSV: UTF-8 with
 * a BOM, `;` separators, French dates, every text cell neutralised against formulas).
 */
export function requestsCsv(rows: readonly RequestRow[], names: CsvNames): string {
  const data = rows.map((row) =>
    [
      when(row.request.calledAt),
      names.client(row.request.clientId),
      REQUEST_KIND_LABELS[row.request.kind],
      row.request.urgency === 'urgent' ? 'Urgent' : 'Normal',
      row.request.description,
      row.deadline ? when(row.deadline.dueAt) : '',
      SLA_STATUS_LABELS[row.standing.status],
      row.request.respondedAt === null ? '' : when(row.request.respondedAt),
      REQUEST_PLANNING_LABELS[row.planning],
      row.jobs
        .map(
          (j) =>
            `${formatLocalDate(j.date)} ${j.slot.from}–${j.slot.to} ${JOB_STATUS_LABELS[j.status]}`,
        )
        .join(' ; '),
      row.technicianIds.map(names.technician).join(', '),
    ].map(neutraliseCell),
  );
  const csv = Papa.unparse(
    { fields: [...REQUEST_CSV_HEADERS], data },
    { delimiter: ';', newline: '\r\n', escapeFormulae: false },
  );
  return BOM + csv + '\r\n';
}
