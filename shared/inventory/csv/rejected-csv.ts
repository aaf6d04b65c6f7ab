import Papa from 'papaparse';
import { neutraliseCell } from './export';
import type { RejectedRow } from './import-plan';

/**
 * The rejected rows as a CSV to fix and import again: the file's own columns, then "Ligne"
 * (in the original file) and "Motif du rejet" (every reason). UTF-8 with BOM, `;`, CRLF, as
 * our export, so Excel FR opens it as is; the import ignores the two extra columns.
 */
export function rejectedRowsCsv(headers: readonly string[], rows: readonly RejectedRow[]): string {
  const data = rows.map((r) => [
    ...headers.map((_, i) => neutraliseCell(r.cells[i] ?? '')),
    String(r.line),
    neutraliseCell(r.reasons.join(' ; ')),
  ]);
  const csv = Papa.unparse(
    { fields: [...headers, 'Ligne', 'Motif du rejet'], data },
    { delimiter: ';', newline: '\r\n', quotes: false, escapeFormulae: false },
  );
  return '\uFEFF' + csv + '\r\n';
}
