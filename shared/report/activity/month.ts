import { addLocalDays } from '../../calendar/local-date';
import type { LocalDate } from '../../calendar/local-date';

/** "2026-11" → the month's first and last calendar days. */
export function monthBounds(month: string): { from: LocalDate; to: LocalDate } {
  const [year = 0, m = 1] = month.split('-').map(Number);
  const next = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: `${month}-01`, to: addLocalDays(next, -1) };
}

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;

/** "2026-11" → "novembre 2026". */
export function monthLabel(month: string): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  return `${MONTHS[m - 1] ?? ''} ${year}`;
}
