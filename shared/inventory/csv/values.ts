import { searchKey } from '../search-key';

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

const TRUE_WORDS = new Set(['OUI', 'O', 'VRAI', 'YES', 'Y', '1', 'X', 'TRUE']);
const FALSE_WORDS = new Set(['NON', 'N', 'FAUX', 'NO', '0', 'FALSE']);

/** "oui"/"non" and their spreadsheet cousins; empty gives the default. */
export function parseBooleanCell(cell: string, fallback: boolean): CellResult<boolean> {
  const key = searchKey(cell);
  if (key === '') return { ok: true, value: fallback };
  if (TRUE_WORDS.has(key)) return { ok: true, value: true };
  if (FALSE_WORDS.has(key)) return { ok: true, value: false };
  return { ok: false, message: `« ${cell.trim()} » n’est ni oui ni non` };
}
