import type { LocalDate } from '../../calendar/local-date';
import { equipmentFieldsSchema } from '../equipment';
import type { EquipmentDraft } from '../equipment';
import { searchKey } from '../search-key';
import { FIELD_HEADERS, IMPORT_FIELDS, sameHeaderColumns } from './columns';
import type { ColumnMapping, ImportField } from './columns';
import { parseDateCell } from './dates';
import type { DateOrder } from './dates';
import {
  isScientificNotation,
  leadingZerosWarning,
  SCIENTIFIC_WARNING,
  usualDigitLength,
} from './excel-damage';
import { changedFields, ExistingIndex } from './existing-match';
import type { ComparedField, ExistingEquipment, FieldChange } from './existing-match';
import { parseWarrantyMonths, splitLocationPath, warrantyEndFrom } from './glpi';
import type { ParsedCsv } from './parse';
import { knownCategory, knownStatus } from './value-mapping';
import type { ValueMapping } from './value-mapping';
import { parseBooleanCell } from './values';
import type { CellResult } from './values';

export interface ImportContext {
  readonly clientId: string;
  /** The client's sites, matched by name (case and accents ignored). */
  readonly sites: readonly { readonly id: string; readonly name: string }[];
  /** The client's equipment: a row that matches one updates it instead of duplicating it. */
  readonly existing: readonly ExistingEquipment[];
}

/** How to read the values: the file's date order and the user's category/status choices. */
export interface ReadOptions {
  readonly dateOrder?: DateOrder;
  readonly values?: ValueMapping;
}

export interface ImportWarning {
  readonly line: number;
  readonly field: ImportField;
  readonly message: string;
}

export type AcceptedRow =
  | {
      readonly kind: 'new';
      readonly line: number;
      readonly draft: EquipmentDraft;
    }
  | {
      readonly kind: 'changed';
      readonly line: number;
      readonly existingId: string;
      /** Only the fields the file changes (the columns it maps). */
      readonly patch: Partial<EquipmentDraft>;
      readonly changes: readonly FieldChange[];
    }
  | { readonly kind: 'unchanged'; readonly line: number; readonly existingId: string };

export interface RejectedRow {
  readonly line: number;
  readonly reasons: readonly string[];
  readonly cells: readonly string[];
}

export interface ImportPlan {
  readonly accepted: readonly AcceptedRow[];
  readonly rejected: readonly RejectedRow[];
  readonly warnings: readonly ImportWarning[];
  /** Site names the file uses that the client does not have, with their row counts. */
  readonly unknownSites: ReadonlyMap<string, number>;
}

/**
 * Turns every data row into new equipment, an update of the client's equipment it matches
 * (serial number, then inventory number, then hostname), an unchanged row, or a rejection
 * with ALL its reasons: nothing is dropped without a word. Values we do not know are never a
 * reason: an unknown category is "Autre" with the client's label kept (see ValueMapping),
 * an unknown site leaves the row without a site and its name in the room. Excel's damage
 * (scientific notation, lost leading zeros, date serials) is warned on the cell.
 */
export function planImport(
  csv: ParsedCsv,
  mapping: ColumnMapping,
  ctx: ImportContext,
  options: ReadOptions = {},
): ImportPlan {
  const accepted: AcceptedRow[] = [];
  const rejected: RejectedRow[] = [];
  const warnings: ImportWarning[] = [];
  const unknownSites = new Map<string, number>();
  for (const batch of planImportBatches(csv, mapping, ctx, 1_000, options)) {
    for (const row of batch.accepted) accepted.push(row);
    for (const row of batch.rejected) rejected.push(row);
    for (const w of batch.warnings) warnings.push(w);
    for (const [name, count] of batch.unknownSites)
      unknownSites.set(name, (unknownSites.get(name) ?? 0) + count);
  }
  return { accepted, rejected, warnings, unknownSites };
}

/** Which record fields a mapped column stands for (unmapped columns never overwrite). */
function touchedFields(mapping: ColumnMapping): Set<ComparedField> {
  const touched = new Set<ComparedField>();
  const mapped = (f: ImportField) => mapping[f] !== null;
  if (mapped('category')) touched.add('category').add('categoryLabel');
  if (mapped('status')) touched.add('status').add('statusLabel');
  if (mapped('site') || mapped('location')) touched.add('siteId').add('location');
  if (mapped('warrantyEndDate') || (mapped('warrantyStartDate') && mapped('warrantyMonths')))
    touched.add('warrantyEndDate');
  for (const f of [
    'brand',
    'model',
    'serialNumber',
    'assetTag',
    'hostname',
    'assignedUser',
    'purchaseDate',
    'covered',
    'declared',
    'discoveredOn',
    'notes',
  ] as const) {
    if (mapped(f)) touched.add(f);
  }
  return touched;
}

/**
 * The same plan, given batch by batch (`batchSize` rows each, in file order; a serial or
 * inventory number seen in an earlier batch still rejects its duplicates), so the import can
 * queue the writes of one batch while it reads the next.
 */
export function* planImportBatches(
  csv: ParsedCsv,
  mapping: ColumnMapping,
  ctx: ImportContext,
  batchSize: number,
  options: ReadOptions = {},
): Generator<ImportPlan, void, undefined> {
  const dateOrder = options.dateOrder ?? 'dmy';
  const values = options.values ?? { category: {}, status: {} };
  const siteByKey = new Map(ctx.sites.map((s) => [searchKey(s.name), s.id]));
  const index = new ExistingIndex(ctx.existing);
  const touched = touchedFields(mapping);
  const seenSerials = new Map<string, number>();
  const seenTags = new Map<string, number>();
  const matchedLines = new Map<string, number>();
  const column = (field: ImportField) =>
    mapping[field] === null ? [] : csv.rows.map((r) => r.cells[mapping[field]!] ?? '');
  const usualLength = {
    serialNumber: usualDigitLength(column('serialNumber')),
    assetTag: usualDigitLength(column('assetTag')),
  };
  const extraNotes = sameHeaderColumns(csv.headers, mapping, mapping.notes);
  // A file repeats the same few dates, categories and statuses over thousands of rows: each
  // distinct cell is read once (a third of the plan's time for 10,000 rows).
  const readDate = remembering((cell: string) => parseDateCell(cell, dateOrder));
  const readCategory = remembering((categoryCell: string) => {
    const key = searchKey(categoryCell);
    if (key === '') return { category: 'other' as const, label: '' };
    const known = knownCategory(categoryCell);
    return {
      category: values.category[key] ?? known ?? 'other',
      // The client's own word is kept when it is not one we know (whatever it was mapped to).
      label: known === null ? categoryCell : '',
    };
  });
  const readStatus = remembering((statusCell: string) => {
    const key = searchKey(statusCell);
    if (key === '') return { status: 'in-service' as const, label: '' };
    const known = knownStatus(statusCell);
    return {
      status: values.status[key] ?? known ?? 'in-service',
      label: known === null ? statusCell : '',
    };
  });
  const width = csv.headers.length;
  const size = Math.max(1, batchSize);
  for (let start = 0; start < csv.rows.length; start += size) {
    const accepted: AcceptedRow[] = [];
    const rejected: RejectedRow[] = [];
    const warnings: ImportWarning[] = [];
    const unknownSites = new Map<string, number>();
    for (const row of csv.rows.slice(start, start + size)) {
      const reasons: string[] = [];
      // A short row is a CSV quirk (Excel drops trailing empty cells on some lines): its
      // missing cells are read as empty. A longer one means a misplaced separator or quote.
      if (row.cells.length > width) {
        rejected.push({
          line: row.line,
          cells: row.cells,
          reasons: [
            `${row.cells.length} cellule(s) au lieu de ${width} : séparateur ou guillemet mal placé`,
          ],
        });
        continue;
      }
      if (row.cells.length < width) {
        reasons.push(
          `${row.cells.length} cellule(s) au lieu de ${width} : séparateur ou guillemet mal placé`,
        );
      }
      const cell = (field: ImportField): string => {
        const i = mapping[field];
        return i === null ? '' : restoreNeutralised((row.cells[i] ?? '').trim());
      };
      const warn = (field: ImportField, message: string) =>
        warnings.push({ line: row.line, field, message: `${FIELD_HEADERS[field]} : ${message}` });
      const read = <T>(field: ImportField, result: CellResult<T>, fallback: T): T => {
        if (result.ok) return result.value;
        reasons.push(`${FIELD_HEADERS[field]} : ${result.message}`);
        return fallback;
      };
      const date = (field: ImportField): LocalDate | null => {
        const result = readDate(cell(field));
        if (!result.ok) {
          reasons.push(`${FIELD_HEADERS[field]} : ${result.message}`);
          return null;
        }
        if (result.warning) warn(field, result.warning);
        return result.value;
      };

      for (const field of ['serialNumber', 'assetTag'] as const) {
        const value = cell(field);
        if (isScientificNotation(value)) warn(field, SCIENTIFIC_WARNING);
        const zeros = leadingZerosWarning(value, usualLength[field]);
        if (zeros) warn(field, zeros);
      }

      // Site and room: a "Site" column, or GLPI's "Lieu" path whose first level is the site.
      let siteName = cell('site');
      let location = cell('location');
      const path = splitLocationPath(location);
      if (siteName === '' && path && siteByKey.has(searchKey(path.first))) {
        siteName = path.first;
        location = path.rest;
      }
      let siteId: string | null = null;
      if (siteName !== '') {
        siteId = siteByKey.get(searchKey(siteName)) ?? null;
        if (siteId === null) {
          unknownSites.set(siteName, (unknownSites.get(siteName) ?? 0) + 1);
          warn(
            'site',
            `« ${siteName} » n’est pas un site de ce client : importé sans site, le nom gardé dans le lieu`,
          );
          location = location === '' ? siteName : `${siteName} > ${location}`;
        }
      } else if (path) {
        unknownSites.set(path.first, (unknownSites.get(path.first) ?? 0) + 1);
        warn(
          'location',
          `« ${path.first} » n’est pas un site de ce client : importé sans site, le lieu complet gardé`,
        );
      }

      const category = readCategory(cell('category'));
      const status = readStatus(cell('status'));

      let warrantyEndDate = date('warrantyEndDate');
      const warrantyStart = date('warrantyStartDate');
      const warrantyMonths = read(
        'warrantyMonths',
        parseWarrantyMonths(cell('warrantyMonths')),
        null,
      );
      if (warrantyEndDate === null && warrantyStart !== null) {
        if (warrantyMonths !== null)
          warrantyEndDate = warrantyEndFrom(warrantyStart, warrantyMonths);
        else warn('warrantyMonths', 'durée de garantie manquante : fin de garantie inconnue');
      }

      const candidate = {
        clientId: ctx.clientId,
        siteId,
        category: category.category,
        categoryLabel: category.label,
        brand: cell('brand'),
        model: cell('model'),
        serialNumber: cell('serialNumber'),
        assetTag: cell('assetTag'),
        hostname: cell('hostname'),
        assignedUser: cell('assignedUser'),
        location,
        purchaseDate: date('purchaseDate'),
        warrantyEndDate,
        status: status.status,
        statusLabel: status.label,
        covered: read('covered', parseBooleanCell(cell('covered'), true), true),
        declared: read('declared', parseBooleanCell(cell('declared'), true), true),
        discoveredOn: date('discoveredOn'),
        notes: [cell('notes'), ...extraNotes.map((i) => (row.cells[i] ?? '').trim())]
          .filter((n) => n !== '')
          .join(' — '),
      };

      // Which of the client's records this row is, and the numbers it must not share.
      const serialKey = searchKey(candidate.serialNumber);
      const tagKey = searchKey(candidate.assetTag);
      const match = index.match({ serialKey, tagKey, hostKey: searchKey(candidate.hostname) });
      if (serialKey !== '') {
        const first = seenSerials.get(serialKey);
        if (first !== undefined)
          reasons.push(
            `Numéro de série : « ${candidate.serialNumber} » déjà présent ligne ${first}`,
          );
      }
      if (tagKey !== '') {
        const first = seenTags.get(tagKey);
        if (first !== undefined)
          reasons.push(
            `Numéro d’inventaire : « ${candidate.assetTag} » déjà présent ligne ${first}`,
          );
        const owner = index.withTag(tagKey);
        if (owner && owner.id !== match?.id) {
          reasons.push(
            `Numéro d’inventaire : « ${candidate.assetTag} » appartient déjà à un autre équipement de ce client${owner.serialNumber ? ` (n° de série ${owner.serialNumber})` : ''}`,
          );
        }
      }
      if (match) {
        const first = matchedLines.get(match.id);
        if (first !== undefined)
          reasons.push(`Même équipement que la ligne ${first} (déjà chez ce client)`);
      }

      const parsed = equipmentFieldsSchema.safeParse(
        match ? { ...match, ...pick(candidate, touched) } : candidate,
      );
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const reason = `${labelOf(issue.path[0])} : ${issue.message}`;
          if (!reasons.includes(reason)) reasons.push(reason);
        }
      }
      if (reasons.length > 0 || !parsed.success) {
        rejected.push({ line: row.line, cells: row.cells, reasons });
        continue;
      }
      // Only accepted rows claim their numbers: a rejected row is fixed and sent again.
      if (serialKey !== '') seenSerials.set(serialKey, row.line);
      if (tagKey !== '') seenTags.set(tagKey, row.line);
      if (match) matchedLines.set(match.id, row.line);
      if (!match) {
        accepted.push({ kind: 'new', line: row.line, draft: withoutEmptyLabels(parsed.data) });
        continue;
      }
      const patch = pick(parsed.data, touched);
      const changes = changedFields(match, patch);
      if (changes.length === 0) {
        accepted.push({ kind: 'unchanged', line: row.line, existingId: match.id });
      } else {
        const changedOnly = Object.fromEntries(
          changes.map((c) => [c.field, patch[c.field]]),
        ) as Partial<EquipmentDraft>;
        accepted.push({
          kind: 'changed',
          line: row.line,
          existingId: match.id,
          patch: changedOnly,
          changes,
        });
      }
    }
    yield { accepted, rejected, warnings, unknownSites };
  }
}

/** `read` answering each distinct cell once (its answers are never changed by the caller). */
function remembering<T>(read: (cell: string) => T): (cell: string) => T {
  const answers = new Map<string, T>();
  return (cell) => {
    let answer = answers.get(cell);
    if (answer === undefined && !answers.has(cell)) answers.set(cell, (answer = read(cell)));
    return answer as T;
  };
}

function pick<T extends object>(record: T, fields: ReadonlySet<ComparedField>): Partial<T> {
  return Object.fromEntries(
    Object.entries(record).filter(([k]) => fields.has(k as ComparedField)),
  ) as Partial<T>;
}

/** Labels are stored only when there is one to keep. */
function withoutEmptyLabels(draft: EquipmentDraft): EquipmentDraft {
  const { categoryLabel, statusLabel, ...rest } = draft;
  return {
    ...rest,
    ...(categoryLabel ? { categoryLabel } : {}),
    ...(statusLabel ? { statusLabel } : {}),
  };
}

/** Reads back a cell our export neutralised ("'=SOMME(A1)" was "=SOMME(A1)"). */
function restoreNeutralised(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function labelOf(key: PropertyKey | undefined): string {
  if (typeof key === 'string' && (IMPORT_FIELDS as readonly string[]).includes(key))
    return FIELD_HEADERS[key as ImportField];
  if (key === 'siteId') return FIELD_HEADERS.site;
  if (key === 'categoryLabel') return FIELD_HEADERS.category;
  if (key === 'statusLabel') return FIELD_HEADERS.status;
  return 'Ligne';
}
