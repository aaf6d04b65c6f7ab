import { decodeText, detectEncoding } from './encoding';
import type { TextEncodingName } from './encoding';
import { MAX_CSV_CHARS, parseCsv } from './parse';
import type { CsvFailure, ParsedCsv } from './parse';
import { isLegacyXls, isXlsx, parseXlsx } from './xlsx';

export type InventoryFile = ParsedCsv & {
  readonly format: 'csv' | 'xlsx';
  /** The encoding the text was read in (null for .xlsx, which has none to choose). */
  readonly encoding: TextEncodingName | null;
  /** How it was chosen: a byte-order mark, detection from the bytes, or the user. */
  readonly encodingFrom: 'bom' | 'detected' | 'chosen' | null;
  /** The first lines of the text as read, to check the accents before going on. */
  readonly sample: readonly string[];
};

const SAMPLE_LINES = 4;

/**
 * Reads the file a client sent: an .xlsx (first sheet), or a CSV in whatever encoding it
 * came (detected, or the one the user chose after looking at the sample).
 */
export async function readInventoryFile(
  bytes: Uint8Array,
  options: { readonly encoding?: TextEncodingName } = {},
): Promise<InventoryFile | CsvFailure> {
  if (bytes.byteLength > MAX_CSV_CHARS) {
    return {
      ok: false,
      message: `Fichier trop volumineux (plus de ${MAX_CSV_CHARS / 1024 / 1024} Mo) : découpez-le en plusieurs fichiers.`,
    };
  }
  if (isLegacyXls(bytes)) {
    return {
      ok: false,
      message:
        'Classeur Excel 97-2003 (.xls) : dans Excel, enregistrez-le au format « Classeur Excel (.xlsx) » ou « CSV UTF-8 ».',
    };
  }
  if (isXlsx(bytes)) {
    const table = await parseXlsx(bytes);
    if (!table.ok) return table;
    const sample = [table.headers, ...table.rows.slice(0, SAMPLE_LINES - 1).map((r) => r.cells)];
    return {
      ...table,
      format: 'xlsx',
      encoding: null,
      encodingFrom: null,
      sample: sample.map((cells) => cells.join(' | ')),
    };
  }
  const guess = detectEncoding(bytes);
  const encoding = options.encoding ?? guess.encoding;
  const text = decodeText(bytes, encoding);
  const table = parseCsv(text);
  if (!table.ok) return table;
  return {
    ...table,
    format: 'csv',
    encoding,
    encodingFrom: options.encoding ? 'chosen' : guess.fromBom ? 'bom' : 'detected',
    sample: text
      .split(/\r\n|\r|\n/)
      .filter((l) => l.trim() !== '')
      .slice(0, SAMPLE_LINES),
  };
}
