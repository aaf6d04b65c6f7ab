import Papa from 'papaparse';
import { formatDate } from '../../../shared/format/date';
import { neutraliseCell } from '../../../shared/inventory/csv/export';
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
] as const;

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
    for (const line of billing.lines) {
      data.push(
        [
          row.number,
          String(row.version),
          formatDate(row.issuedAt),
          row.clientName,
          row.technicianName,
          line.label,
          line.quantity === undefined ? '' : String(line.quantity),
          line.unitHtCents === undefined ? '' : decimalComma(line.unitHtCents),
          decimalComma(line.htCents),
          rate(billing.vatRateBasisPoints),
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
