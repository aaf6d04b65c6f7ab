import Papa from 'papaparse';
import { formatDate } from '../format/date';
import { neutraliseCell } from '../inventory/csv/export';
import { REVIEW_FLAG_LABELS, reviewFlags } from './review-rows';
import type { ReviewRow } from './review-rows';

const BOM = '\uFEFF';

export const BILLABLE_HEADERS = [
  'N° bordereau',
  'Version',
  'Date',
  'Client',
  'Technicien',
  'Libellé',
  'Quantité',
  'PU HT',
  'Montant HT',
  'Taux TVA',
  'Détail',
  'Devis',
  'À vérifier',
] as const;

/** Minutes as French decimal hours, at most two decimals: 210 → "3,5", 75 → "1,25". */
export function decimalHours(minutes: number): string {
  const hundredths = Math.round((minutes * 100) / 60);
  const whole = Math.trunc(hundredths / 100);
  const rest = hundredths % 100;
  if (rest === 0) return String(whole);
  return `${whole},${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** Integer cents as a French decimal without a currency sign: 22800 → "228,00", -5 → "-0,05". */
export function decimalComma(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Montant invalide : ${String(cents)}.`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** Basis points as a French percentage number: 2000 → "20", 550 → "5,5". */
function rate(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const rest = basisPoints % 100;
  return rest === 0 ? String(whole) : `${whole},${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/**
 * The billable lines of signed bordereaux for the invoicing tool: one CSV line per billed
 * line, UTF-8 with a BOM, `;` separators, French decimals; every text cell neutralised so a
 * spreadsheet never runs it as a formula. Drafts and visits included in a subscription
 * have nothing to bill and are left out.
 */
export function billableLinesCsv(rows: readonly ReviewRow[]): string {
  const data: string[][] = [];
  for (const row of rows) {
    if (row.report.status !== 'sealed') continue;
    const billing = row.report.content.billing;
    if (billing.kind !== 'billed') continue;
    const quotes = (billing.quoteNumbers ?? []).join(', ');
    const flags = reviewFlags(row.report)
      .map((f) => REVIEW_FLAG_LABELS[f])
      .join(' ; ');
    for (const line of billing.lines) {
      // A time line's quantity is its billed hours (3,5 h at 65,00 €), so the invoice shows
      // units × unit price like the bordereau.
      const quantity =
        line.quantity !== undefined
          ? String(line.quantity)
          : line.timeMinutes !== undefined
            ? decimalHours(line.timeMinutes)
            : '';
      data.push(
        [
          row.number,
          String(row.version),
          formatDate(row.issuedAt),
          row.clientName,
          row.technicianName,
          line.label,
          quantity,
          line.unitHtCents === undefined ? '' : decimalComma(line.unitHtCents),
          decimalComma(line.htCents),
          rate(billing.vatRateBasisPoints),
          line.detail ?? '',
          quotes,
          flags,
        ].map(neutraliseCell),
      );
    }
  }
  const csv = Papa.unparse(
    { fields: [...BILLABLE_HEADERS], data },
    { delimiter: ';', newline: '\r\n', escapeFormulae: false },
  );
  return BOM + csv + '\r\n';
}
