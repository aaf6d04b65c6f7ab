import { CLIENT_ABSENCE_LABELS } from './labels';
import type { Report } from './model';

/**
 * How a report's state is named wherever it is shown (list, detail, PDF, office): a report
 * closed without the client's signature must never look like a signed one.
 */
export type ReportClosure = 'draft' | 'signed' | 'client-absent' | 'client-refused';

export function reportClosure(report: Report): ReportClosure {
  if (report.status === 'draft') return 'draft';
  const client = report.content.signatures.client;
  if (client.status === 'signed') return 'signed';
  return client.reason === 'absent' ? 'client-absent' : 'client-refused';
}

export function reportClosureLabel(report: Report): string {
  switch (reportClosure(report)) {
    case 'draft':
      return 'Brouillon – non signé';
    case 'signed':
      return 'Signé par le client et le technicien';
    case 'client-absent':
      return `Clos sans signature du client (${CLIENT_ABSENCE_LABELS.absent.toLowerCase()})`;
    case 'client-refused':
      return `Clos sans signature du client (${CLIENT_ABSENCE_LABELS.refused.toLowerCase()})`;
  }
}
