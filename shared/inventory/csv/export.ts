import Papa from 'papaparse';
import { formatLocalDate } from '../../format/date';
import { CATEGORY_LABELS } from '../category';
import { STATUS_LABELS } from '../equipment';
import type { EquipmentDraft } from '../equipment';
import { EXPORT_FIELDS, FIELD_HEADERS } from './columns';

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before
 * them) as a formula: "=cmd|' /C calc'!A0". OWASP's advice: prefix such cells with a single
 * quote so they are shown as text.
 */
export function neutraliseCell(value: string): string {
  // Quotes already in front of such a cell get one more, so the import can remove exactly one.
  return /^'*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const BOM = '\uFEFF';

/**
 * The inventory as Excel FR opens it: UTF-8 with a byte-order mark, `;` separators, CRLF,
 * French headers and values; the import reads this format back unchanged.
 */
export function equipmentToCsv(
  items: readonly EquipmentDraft[],
  siteNames: ReadonlyMap<string, string>,
): string {
  const yesNo = (b: boolean) => (b ? 'oui' : 'non');
  const date = (d: string | null) => (d === null ? '' : formatLocalDate(d));
  const rows = items.map((e) => {
    const values: Record<(typeof EXPORT_FIELDS)[number], string> = {
      // A category we did not know goes out as the client named it, and comes back as such.
      category: e.categoryLabel ? e.categoryLabel : CATEGORY_LABELS[e.category],
      brand: e.brand,
      model: e.model,
      serialNumber: e.serialNumber,
      assetTag: e.assetTag,
      hostname: e.hostname,
      assignedUser: e.assignedUser,
      site: e.siteId === null ? '' : (siteNames.get(e.siteId) ?? ''),
      location: e.location,
      purchaseDate: date(e.purchaseDate),
      warrantyEndDate: date(e.warrantyEndDate),
      status: e.statusLabel ? e.statusLabel : STATUS_LABELS[e.status],
      covered: yesNo(e.covered),
      declared: yesNo(e.declared),
      discoveredOn: date(e.discoveredOn),
      notes: e.notes,
    };
    return EXPORT_FIELDS.map((f) => neutraliseCell(values[f]));
  });
  const csv = Papa.unparse(
    { fields: EXPORT_FIELDS.map((f) => FIELD_HEADERS[f]), data: rows },
    { delimiter: ';', newline: '\r\n', quotes: false, escapeFormulae: false },
  );
  return BOM + csv + '\r\n';
}
