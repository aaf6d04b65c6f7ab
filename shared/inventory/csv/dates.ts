import { addLocalDays, parseLocalDate, toLocalDate } from '../../calendar/local-date';
import type { LocalDate } from '../../calendar/local-date';

/** The order of day, month and year in dates written with slashes, dots or dashes. */
export const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export const DATE_ORDER_LABELS: Record<DateOrder, string> = {
  dmy: 'jour/mois/année (France)',
  mdy: 'mois/jour/année (États-Unis)',
  ymd: 'année-mois-jour (ISO)',
};

export type DateCellResult =
  | { readonly ok: true; readonly value: LocalDate | null; readonly warning?: string }
  | { readonly ok: false; readonly message: string };

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/;
// An optional time after the date, as Excel writes it in US exports ("4/5/2016 0:00", "… 12:00 AM").
const SEPARATED =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?$/i;
// Excel shows a date cell whose format was lost as its serial number: days since 1899-12-30.
const EXCEL_SERIAL = /^\d{5}(?:[.,]\d+)?$/;
const EXCEL_EPOCH: LocalDate = '1899-12-30';

/**
 * Two-digit years as Excel reads them (and so as the person who typed them meant them):
 * 00–29 are 2000–2029, 30–99 are 1930–1999.
 */
export function fullYear(twoOrFour: string): number {
  const n = Number(twoOrFour);
  if (twoOrFour.length === 4) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

export interface DateOrderGuess {
  readonly order: DateOrder;
  /** 'data' when a value settled it (a day above 12, a year first); 'default' otherwise. */
  readonly from: 'data' | 'default';
}

/**
 * The order a file writes its dates in, read from the values themselves: "25/03/2016" can
 * only be day first, "4/25/16" only month first, "2016/03/25" year first. When every value is
 * ambiguous ("4/5/16") the French order is assumed, and the user can switch it.
 */
export function detectDateOrder(values: Iterable<string>): DateOrderGuess {
  const votes: Record<DateOrder, number> = { dmy: 0, mdy: 0, ymd: 0 };
  for (const raw of values) {
    const value = raw.trim();
    if (value === '') continue;
    if (ISO.test(value)) {
      votes.ymd++;
      continue;
    }
    const m = SEPARATED.exec(value);
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) votes.dmy++;
    else if (b > 12 && a <= 12) votes.mdy++;
  }
  if (votes.dmy === 0 && votes.mdy === 0) {
    return votes.ymd > 0 ? { order: 'ymd', from: 'data' } : { order: 'dmy', from: 'default' };
  }
  return { order: votes.mdy > votes.dmy ? 'mdy' : 'dmy', from: 'data' };
}

/**
 * A date cell in the file's order. ISO dates (GLPI) are read whatever the order; a five-digit
 * number is an Excel date serial that lost its format, read with a warning. Empty gives null.
 */
export function parseDateCell(cell: string, order: DateOrder = 'dmy'): DateCellResult {
  const value = cell.trim();
  if (value === '') return { ok: true, value: null };
  let parts: { year: number; month: number; day: number } | null = null;
  const iso = ISO.exec(value);
  const separated = SEPARATED.exec(value);
  if (iso) {
    parts = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  } else if (separated) {
    const [a, b, c] = [separated[1]!, separated[2]!, separated[3]!];
    parts =
      order === 'mdy'
        ? { year: fullYear(c), month: Number(a), day: Number(b) }
        : order === 'ymd'
          ? { year: fullYear(a), month: Number(b), day: Number(c) }
          : { year: fullYear(c), month: Number(b), day: Number(a) };
  } else if (EXCEL_SERIAL.test(value)) {
    const serial = Math.floor(Number(value.replace(',', '.')));
    const date = addLocalDays(EXCEL_EPOCH, serial);
    return {
      ok: true,
      value: date,
      warning: `date lue comme un numéro de série Excel (${value} = ${date.split('-').reverse().join('/')}) : vérifiez-la`,
    };
  }
  if (!parts) {
    return {
      ok: false,
      message: `date « ${value} » illisible (${order === 'mdy' ? 'MM/JJ/AAAA' : 'JJ/MM/AAAA'} attendu)`,
    };
  }
  const date = toLocalDate(parts);
  try {
    parseLocalDate(date);
  } catch {
    return { ok: false, message: `date « ${value} » inexistante` };
  }
  return { ok: true, value: date };
}
