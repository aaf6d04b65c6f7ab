import Papa from 'papaparse';

export type ParsedCsv = {
  readonly ok: true;
  readonly delimiter: ';' | ',' | '\t';
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
 * stripped, separator detected, quoted cells with separators or line breaks kept whole,
 * blank lines ignored. The first non-blank line is the header.
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
  const result = Papa.parse<string[]>(body, {
    delimiter: detectDelimiter(body),
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
  const headers = header.cells.map((h) => h.trim());
  if (headers.length < 2 && nonBlank.length > 1) {
    return {
      ok: false,
      message: 'Une seule colonne trouvée : le séparateur attendu est « ; » ou « , ».',
    };
  }
  return {
    ok: true,
    delimiter: result.meta.delimiter as ParsedCsv['delimiter'],
    headers,
    rows: nonBlank.slice(1),
  };
}

/** The separator that splits the header line into the most columns (outside quotes). */
function detectDelimiter(body: string): (typeof DELIMITERS)[number] {
  const firstLine = body.slice(0, Math.max(0, body.search(/\r?\n/)) || body.length);
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
