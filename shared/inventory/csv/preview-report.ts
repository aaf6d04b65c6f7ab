import { z } from 'zod';
import { IMPORT_FIELDS } from './columns';
import type { ImportField } from './columns';
import { DATE_ORDERS } from './dates';
import type { DateOrder } from './dates';
import type { ImportAnalysis } from './import-analysis';
import type { InventoryFile } from './read-file';

/** The preview command's output (`npm run -s inventory:preview`), for support and tests. */
export interface PreviewReport {
  readonly format: 'csv' | 'xlsx';
  readonly encoding: string | null;
  readonly delimiter: string | null;
  readonly lineEnding: string | null;
  readonly dateOrder: DateOrder;
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: readonly { readonly line: number; readonly reasons: readonly string[] }[];
  readonly warnings: readonly {
    readonly line: number;
    readonly field: string;
    readonly message: string;
  }[];
  /** Field → the file's header that fills it (unmapped fields left out). */
  readonly mapping: Partial<Record<ImportField, string>>;
  /** Each category value of the file → our category. */
  readonly categoryValues: Record<string, string>;
  /** Each status value of the file → our status. */
  readonly statusValues: Record<string, string>;
}

export function previewReport(file: InventoryFile, analysis: ImportAnalysis): PreviewReport {
  const mapping: Partial<Record<ImportField, string>> = {};
  for (const field of IMPORT_FIELDS) {
    const column = analysis.mapping[field];
    if (column !== null) mapping[field] = file.headers[column]!;
  }
  return {
    format: file.format,
    encoding: file.encoding,
    delimiter: file.delimiter,
    lineEnding: file.lineEnding,
    dateOrder: analysis.dateOrder,
    rows: file.rows.length,
    accepted: analysis.plan.accepted.length,
    rejected: analysis.plan.rejected.map((r) => ({ line: r.line, reasons: r.reasons })),
    warnings: analysis.plan.warnings,
    mapping,
    categoryValues: Object.fromEntries(
      analysis.categoryValues.map((v) => [v.value, analysis.values.category[v.key]!]),
    ),
    statusValues: Object.fromEntries(
      analysis.statusValues.map((v) => [v.value, analysis.values.status[v.key]!]),
    ),
  };
}

/** The preview command's options, as typed on the command line. */
export const previewOptionsSchema = z.object({
  file: z.string({ error: 'Indiquez le fichier à lire.' }).min(1, 'Indiquez le fichier à lire.'),
  encoding: z
    .enum(['utf-8', 'utf-16', 'utf-16le', 'utf-16be', 'windows-1252', 'macintosh'], {
      error: 'Encodage inconnu : utf-8, utf-16, windows-1252 ou macintosh.',
    })
    .optional(),
  dateOrder: z
    .enum(DATE_ORDERS, { error: 'Ordre des dates inconnu : dmy, mdy ou ymd.' })
    .optional(),
});
export type PreviewOptions = z.infer<typeof previewOptionsSchema>;
