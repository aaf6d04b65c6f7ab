import Papa from 'papaparse';

export type LineEnding = 'CRLF' | 'LF' | 'CR';

/**
 * A table read from a client's file: a CSV, or the first sheet of an .xlsx (then
 * `delimiter` and `lineEnding` are null).
 */
export type ParsedCsv = {
  readonly ok: true;
  readonly delimiter: ';' | ',' | '\t' | null;
  readonly lineEnding: LineEnding | null;
  /** Column names, made unique: a second "Commentaire" becomes "Commentaire (2)". */
  readonly headers: readonly string[];
  /** Data rows (header excluded), each with its line number in the file (1 = header). */
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
};
export type CsvFailure = { readonly ok: false; readonly message: string };

/** Above this the laptop is better served by splitting the file; the limit is ours. */
export const MAX_CSV_CHARS = 16 * 1024 * 1024;

const DELIMITERS = [';', ',', '\t'] as const;

/**
 * Parses a CSV text as Excel FR (`;`) and GLPI (`;` or `,`) export it: byte-order mark
 * stripped, separator detected, CRLF, LF or CR-only (old Mac) line ends, quoted cells with
 * separators or line breaks kept whole, blank lines ignored. The first non-blank line is the
 * header; two columns with the same header are told apart.
 */
export function parseCsv(text: string): ParsedCsv | CsvFailure {
  if (text.length > MAX_CSV_CHARS) {
    return {
      ok: false,
      message: `Fichier trop volumineux (plus de ${MAX_CSV_CHARS / 1024 / 1024} Mo) : découpez-le en plusieurs fichiers.`,
    };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, message: 'Le fichier est vide.' };
  const lineEnding = detectLineEnding(body);
  const result = Papa.parse<string[]>(body, {
    delimiter: detectDelimiter(body),
    newline: NEWLINES[lineEnding],
    skipEmptyLines: false,
  });
  const fatal = result.errors.find((e) => e.type === 'Quotes');
  if (fatal) {
    return {
      ok: false,
      message: `Guillemets non refermés à la ligne ${(fatal.row ?? 0) + 1} : le fichier est incomplet ou mal formé.`,
    };
  }
  const numbered = result.data.map((cells, i) => ({ line: i + 1, cells }));
  const nonBlank = numbered.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = nonBlank[0];
  if (!header) return { ok: false, message: 'Le fichier est vide.' };
  const headers = uniqueHeaders(header.cells.map((h) => h.trim()));
  if (headers.length < 2 && nonBlank.length > 1) {
    return {
      ok: false,
      message: 'Une seule colonne trouvée : le séparateur attendu est « ; » ou « , ».',
    };
  }
  return {
    ok: true,
    delimiter: result.meta.delimiter as ParsedCsv['delimiter'],
    lineEnding,
    headers,
    rows: nonBlank.slice(1),
  };
}

/** The separator that splits the header line into the most columns (outside quotes). */
function detectDelimiter(body: string): (typeof DELIMITERS)[number] {
  const end = body.search(/\r|\n/);
  const firstLine = end < 0 ? body : body.slice(0, end);
  let best: (typeof DELIMITERS)[number] = ';';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

const NEWLINES: Record<LineEnding, '\r\n' | '\n' | '\r'> = { CRLF: '\r\n', LF: '\n', CR: '\r' };

/** The line end of the first line break (outside quotes is not checked: headers rarely quote one). */
function detectLineEnding(body: string): LineEnding {
  const at = body.search(/\r|\n/);
  if (at < 0 || body[at] === '\n') return 'LF';
  return body[at + 1] === '\n' ? 'CRLF' : 'CR';
}

/**
 * Headers made unique, so the mapping can name each column: the second "Commentaire" is
 * "Commentaire (2)", an empty header "Colonne 4".
 */
export function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h, i) => {
    const name = h === '' ? `Colonne ${i + 1}` : h;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}
