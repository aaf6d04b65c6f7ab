import { addLocalDays, parseLocalDate, toLocalDate } from './local-date';
import type { LocalDate } from './local-date';

export interface PublicHoliday {
  readonly date: LocalDate;
  readonly name: string;
}

/** Alsace and Moselle keep two extra days (Good Friday, St Stephen's day). */
export type HolidayRegion = 'metropole' | 'alsace-moselle';

/**
 * Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
 * Valid for every year of the Gregorian calendar; French moving holidays hang off it.
 */
export function easterSunday(year: number): LocalDate {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`Année invalide : ${String(year)}.`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toLocalDate({ year, month, day });
}

const cache = new Map<string, readonly PublicHoliday[]>();

/**
 * The French public holidays (jours fériés, Code du travail art. L3133-1) of a year, sorted.
 * Whit Monday is listed: it is a public holiday even where it is worked as the "journée de
 * solidarité".
 */
export function frenchPublicHolidays(
  year: number,
  region: HolidayRegion = 'metropole',
): readonly PublicHoliday[] {
  const key = `${year}:${region}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const easter = easterSunday(year);
  const fixed = (month: number, day: number) => toLocalDate({ year, month, day });
  const list: PublicHoliday[] = [
    { date: fixed(1, 1), name: 'Jour de l’an' },
    { date: addLocalDays(easter, 1), name: 'Lundi de Pâques' },
    { date: fixed(5, 1), name: 'Fête du Travail' },
    { date: fixed(5, 8), name: 'Victoire 1945' },
    { date: addLocalDays(easter, 39), name: 'Ascension' },
    { date: addLocalDays(easter, 50), name: 'Lundi de Pentecôte' },
    { date: fixed(7, 14), name: 'Fête nationale' },
    { date: fixed(8, 15), name: 'Assomption' },
    { date: fixed(11, 1), name: 'Toussaint' },
    { date: fixed(11, 11), name: 'Armistice 1918' },
    { date: fixed(12, 25), name: 'Noël' },
  ];
  if (region === 'alsace-moselle') {
    list.push(
      { date: addLocalDays(easter, -2), name: 'Vendredi saint' },
      { date: fixed(12, 26), name: 'Saint-Étienne' },
    );
  }
  list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  cache.set(key, list);
  return list;
}

/** The holiday falling on `date`, or null. */
export function publicHolidayOn(
  date: LocalDate,
  region: HolidayRegion = 'metropole',
): PublicHoliday | null {
  const { year } = parseLocalDate(date);
  return frenchPublicHolidays(year, region).find((h) => h.date === date) ?? null;
}
