import { TZDate, tzOffset } from '@date-fns/tz';
import { z } from 'zod';

/** Every on-site rule (opening hours, SLA, holidays) is read on the clock of mainland France. */
export const PARIS_TIME_ZONE = 'Europe/Paris';

/** A calendar date with no time and no zone, as "YYYY-MM-DD" (JSON-friendly, sorts as text). */
export const localDateSchema = z.iso.date('Date attendue au format AAAA-MM-JJ.');
export type LocalDate = z.infer<typeof localDateSchema>;

export interface DateParts {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
}

const MS_PER_DAY = 86_400_000;

// Calendar arithmetic on dates alone is done in UTC, which has no DST: only wall-clock
// instants in a real zone go through @date-fns/tz.
function utcDay(parts: DateParts, plusDays = 0): Date {
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day + plusDays));
}

function partsOfUtc(d: Date): DateParts {
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function parseLocalDate(date: string): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Date invalide : ${date} (AAAA-MM-JJ attendu).`);
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = utcDay(parts);
  if (check.getUTCMonth() !== parts.month - 1 || check.getUTCDate() !== parts.day) {
    throw new RangeError(`Date inexistante : ${date}.`);
  }
  return parts;
}

export function toLocalDate(parts: DateParts): LocalDate {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

/** `date` moved by `days` calendar days (negative to go back). */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  return toLocalDate(partsOfUtc(utcDay(parseLocalDate(date), days)));
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const day = utcDay(parseLocalDate(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/*
 * Asking Intl for a zone's offset costs microseconds, and pricing a million interventions
 * asks millions of times, so offsets and instants are memoised. Both caches only hold
 * answers of pure functions of their key, and are emptied when they grow large.
 */
const CACHE_LIMIT = 200_000;
const HOUR = 3_600_000;
const offsetByHour = new Map<string, number | null>();
const instantByKey = new Map<string, number>();

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * The zone's UTC offset at `ms`, in minutes. Cached per UTC hour when the offset is the same
 * at both ends of the hour (zones change offset at most once in an hour); an hour holding a
 * change is asked about each time.
 */
function offsetMinutes(ms: number, timeZone: string): number {
  const hour = Math.floor(ms / HOUR);
  const key = `${timeZone}|${hour}`;
  let cached = offsetByHour.get(key);
  if (cached === undefined) {
    const start = tzOffset(timeZone, new Date(hour * HOUR));
    const end = tzOffset(timeZone, new Date(hour * HOUR + HOUR - 1));
    cached = remember(offsetByHour, key, start === end ? start : null);
  }
  return cached ?? tzOffset(timeZone, new Date(ms));
}

/** The calendar date of an instant in a time zone (Paris by default). */
export function localDateOf(ms: number, timeZone: string = PARIS_TIME_ZONE): LocalDate {
  if (!Number.isFinite(ms)) throw new RangeError(`Horodatage invalide : ${String(ms)}.`);
  const offset = offsetMinutes(ms, timeZone);
  const wall = new Date(ms + offset * 60_000);
  return toLocalDate(partsOfUtc(wall));
}

/**
 * The instant a wall-clock time happens on a date in a zone. A time skipped by the spring
 * DST change (02:30 on the last Sunday of March) resolves to the instant after the gap, a
 * repeated one (autumn) to its second occurrence — both decided by @date-fns/tz.
 */
export function instantOf(
  date: LocalDate,
  minutesOfDay: number,
  timeZone: string = PARIS_TIME_ZONE,
): number {
  const key = `${timeZone}|${date}|${minutesOfDay}`;
  const cached = instantByKey.get(key);
  if (cached !== undefined) return cached;
  const p = parseLocalDate(date);
  const hours = Math.floor(minutesOfDay / 60);
  const instant = new TZDate(
    p.year,
    p.month - 1,
    p.day,
    hours,
    minutesOfDay - hours * 60,
    timeZone,
  ).getTime();
  return remember(instantByKey, key, instant);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round(
    (utcDay(parseLocalDate(to)).getTime() - utcDay(parseLocalDate(from)).getTime()) / MS_PER_DAY,
  );
}
