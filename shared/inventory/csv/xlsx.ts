import { readSheet } from 'read-excel-file/universal';
import { toLocalDate } from '../../calendar/local-date';
import type { CsvFailure, ParsedCsv } from './parse';
import { uniqueHeaders } from './parse';

/** An .xlsx file is a ZIP archive: it starts with "PK\3\4". */
export function isXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Excel 97-2003 (.xls) is an OLE compound file, which we do not read. */
export function isLegacyXls(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/**
 * The first sheet of an .xlsx file as the same table a CSV gives, read with read-excel-file
 * (maintained, ~40 kB, no DOM or Node needed). Numbers are kept as Excel stored them (a
 * 16-digit serial number as its digits, not a rounded float); dates become "AAAA-MM-JJ"; the
 * first non-empty row is the header; line numbers are the sheet's row numbers.
 */
export async function parseXlsx(bytes: Uint8Array): Promise<ParsedCsv | CsvFailure> {
  let sheet: readonly (readonly unknown[])[];
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    sheet = await readSheet(buffer as ArrayBuffer, { parseNumber: (s: string) => s, trim: false });
  } catch (error) {
    return {
      ok: false,
      message: `Classeur Excel illisible (${error instanceof Error ? error.message : String(error)}) : enregistrez-le à nouveau en .xlsx ou en CSV UTF-8.`,
    };
  }
  const numbered = sheet.map((cells, i) => ({ line: i + 1, cells: cells.map(cellText) }));
  const nonBlank = numbered.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = nonBlank[0];
  if (!header) return { ok: false, message: 'La première feuille du classeur est vide.' };
  const width = header.cells.length;
  return {
    ok: true,
    delimiter: null,
    lineEnding: null,
    headers: uniqueHeaders(header.cells.map((h) => h.trim())),
    // A sheet's rows all have the header's width: trailing empty cells are not an error here.
    rows: nonBlank.slice(1).map((r) => ({
      line: r.line,
      cells: Array.from({ length: Math.max(width, r.cells.length) }, (_, i) => r.cells[i] ?? ''),
    })),
  };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return toLocalDate({
      year: value.getUTCFullYear(),
      month: value.getUTCMonth() + 1,
      day: value.getUTCDate(),
    });
  }
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  return String(value);
}
