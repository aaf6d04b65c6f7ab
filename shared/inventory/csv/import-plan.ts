import { equipmentFieldsSchema } from '../equipment';
import type { EquipmentDraft } from '../equipment';
import { searchKey } from '../search-key';
import { FIELD_HEADERS, IMPORT_FIELDS } from './columns';
import type { ColumnMapping, ImportField } from './columns';
import type { ParsedCsv } from './parse';
import { parseBooleanCell, parseCategoryCell, parseDateCell, parseStatusCell } from './values';
import type { CellResult } from './values';

export interface ImportContext {
  readonly clientId: string;
  /** The client's sites, matched by name (case and accents ignored). */
  readonly sites: readonly { readonly id: string; readonly name: string }[];
  /** Normalised serial numbers the client already has (searchKey). */
  readonly existingSerialKeys: ReadonlySet<string>;
}

export interface AcceptedRow {
  readonly line: number;
  readonly draft: EquipmentDraft;
}
export interface RejectedRow {
  readonly line: number;
  readonly reasons: readonly string[];
  readonly cells: readonly string[];
}
export interface ImportPlan {
  readonly accepted: readonly AcceptedRow[];
  readonly rejected: readonly RejectedRow[];
}

/**
 * Turns every data row into an equipment draft or a rejection with its reasons: nothing is
 * dropped without a word. A row is rejected when a cell cannot be read, when the shared
 * equipment schema refuses it, or when its serial number is already the client's or appears
 * earlier in the file.
 */
export function planImport(csv: ParsedCsv, mapping: ColumnMapping, ctx: ImportContext): ImportPlan {
  const accepted: AcceptedRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const batch of planImportBatches(csv, mapping, ctx, 1_000)) {
    for (const row of batch.accepted) accepted.push(row);
    for (const row of batch.rejected) rejected.push(row);
  }
  return { accepted, rejected };
}

/**
 * The same plan, given batch by batch (`batchSize` rows each, in file order; a serial number
 * seen in an earlier batch still rejects its duplicates), so the import can queue the
 * writes of one batch while it reads the next: the database then works meanwhile.
 */
export function* planImportBatches(
  csv: ParsedCsv,
  mapping: ColumnMapping,
  ctx: ImportContext,
  batchSize: number,
): Generator<ImportPlan, void, undefined> {
  const siteByKey = new Map(ctx.sites.map((s) => [searchKey(s.name), s.id]));
  const seenSerials = new Map<string, number>();
  const width = csv.headers.length;
  const size = Math.max(1, batchSize);
  for (let start = 0; start < csv.rows.length; start += size) {
    const accepted: AcceptedRow[] = [];
    const rejected: RejectedRow[] = [];
    for (const row of csv.rows.slice(start, start + size)) {
      const reasons: string[] = [];
      if (row.cells.length !== width) {
        rejected.push({
          line: row.line,
          cells: row.cells,
          reasons: [
            `${row.cells.length} cellule(s) au lieu de ${width} : séparateur ou guillemet mal placé`,
          ],
        });
        continue;
      }
      const cell = (field: ImportField): string => {
        const index = mapping[field];
        return index === null ? '' : restoreNeutralised((row.cells[index] ?? '').trim());
      };
      const read = <T>(field: ImportField, result: CellResult<T>, fallback: T): T => {
        if (result.ok) return result.value;
        reasons.push(`${FIELD_HEADERS[field]} : ${result.message}`);
        return fallback;
      };

      let siteId: string | null = null;
      const siteName = cell('site');
      if (siteName !== '') {
        siteId = siteByKey.get(searchKey(siteName)) ?? null;
        if (siteId === null) reasons.push(`Site : « ${siteName} » n’est pas un site de ce client`);
      }
      const declared = read('declared', parseBooleanCell(cell('declared'), true), true);
      const candidate = {
        clientId: ctx.clientId,
        siteId,
        category: read(
          'category',
          mapping.category === null
            ? { ok: true, value: 'other' as const }
            : parseCategoryCell(cell('category')),
          'other',
        ),
        brand: cell('brand'),
        model: cell('model'),
        serialNumber: cell('serialNumber'),
        assetTag: cell('assetTag'),
        hostname: cell('hostname'),
        assignedUser: cell('assignedUser'),
        location: cell('location'),
        purchaseDate: read('purchaseDate', parseDateCell(cell('purchaseDate')), null),
        warrantyEndDate: read('warrantyEndDate', parseDateCell(cell('warrantyEndDate')), null),
        status: read('status', parseStatusCell(cell('status')), 'in-service'),
        covered: read('covered', parseBooleanCell(cell('covered'), true), true),
        declared,
        discoveredOn: read('discoveredOn', parseDateCell(cell('discoveredOn')), null),
        notes: cell('notes'),
      };
      if (reasons.length > 0) {
        rejected.push({ line: row.line, cells: row.cells, reasons });
        continue;
      }
      const parsed = equipmentFieldsSchema.safeParse(candidate);
      if (!parsed.success) {
        rejected.push({
          line: row.line,
          cells: row.cells,
          reasons: parsed.error.issues.map(
            (issue) => `${labelOf(issue.path[0])} : ${issue.message}`,
          ),
        });
        continue;
      }
      const serialKey = searchKey(parsed.data.serialNumber);
      if (serialKey !== '') {
        if (ctx.existingSerialKeys.has(serialKey)) {
          rejected.push({
            line: row.line,
            cells: row.cells,
            reasons: [
              `Numéro de série : « ${parsed.data.serialNumber} » existe déjà chez ce client`,
            ],
          });
          continue;
        }
        const firstLine = seenSerials.get(serialKey);
        if (firstLine !== undefined) {
          rejected.push({
            line: row.line,
            cells: row.cells,
            reasons: [
              `Numéro de série : « ${parsed.data.serialNumber} » déjà présent ligne ${firstLine}`,
            ],
          });
          continue;
        }
        seenSerials.set(serialKey, row.line);
      }
      accepted.push({ line: row.line, draft: parsed.data });
    }
    yield { accepted, rejected };
  }
}

/** Reads back a cell our export neutralised ("'=SOMME(A1)" was "=SOMME(A1)"). */
function restoreNeutralised(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function labelOf(key: PropertyKey | undefined): string {
  if (typeof key === 'string' && (IMPORT_FIELDS as readonly string[]).includes(key))
    return FIELD_HEADERS[key as ImportField];
  if (key === 'siteId') return FIELD_HEADERS.site;
  return 'Ligne';
}
