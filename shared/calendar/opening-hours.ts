import { publicHolidayOn } from './holidays';
import type { HolidayRegion } from './holidays';
import { addLocalDays, instantOf, localDateOf, PARIS_TIME_ZONE } from './local-date';
import type { LocalDate } from './local-date';
import { weekdayOf, windowsOn } from './weekly-schedule';
import type { Weekday, WeeklySchedule } from './weekly-schedule';

export type OutsideHoursReason = 'outside-hours' | 'weekend' | 'public-holiday';

export interface OpeningHoursOptions {
  readonly timeZone?: string;
  /** Whose public holidays close the site; null when the site opens on public holidays. */
  readonly holidays?: HolidayRegion | null;
}

export interface OpeningHoursCheck {
  /** True when at least one whole minute of work falls outside the opening hours. */
  readonly outside: boolean;
  /** floor(ms outside / 60 000), the same rounding as worked minutes. */
  readonly outsideMinutes: number;
  /** Why, in a stable order (weekend, public holiday, outside hours); empty when inside. */
  readonly reasons: readonly OutsideHoursReason[];
}

interface Span {
  readonly start: number;
  readonly end: number;
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * Does on-site work fall within the client's opening hours? (002 art. IV.2.2: the ladder
 * applies "dans les heures d'ouverture du Client, du lundi au vendredi inclus".) Each work
 * segment is cut into the calendar days it covers in the site's zone (a visit over midnight
 * spans two days), and compared with that day's opening ranges as real instants, so the
 * 23- and 25-hour days of the DST changes are counted as they are.
 */
export function checkOpeningHours(
  segments: readonly Span[],
  schedule: WeeklySchedule,
  options: OpeningHoursOptions = {},
): OpeningHoursCheck {
  const timeZone = options.timeZone ?? PARIS_TIME_ZONE;
  const region = options.holidays === undefined ? 'metropole' : options.holidays;
  let outsideMs = 0;
  const reasons = new Set<OutsideHoursReason>();

  for (const segment of segments) {
    if (segment.end <= segment.start) continue;
    let date = localDateOf(segment.start, timeZone);
    const lastDate = localDateOf(segment.end - 1, timeZone);
    for (;;) {
      const day = dayPlan(date, timeZone, region);
      const part = {
        start: Math.max(segment.start, day.start),
        end: Math.min(segment.end, day.end),
      };
      const inside = day.closed
        ? 0
        : windowsOf(schedule, date, timeZone).reduce((sum, w) => sum + overlap(part, w), 0);
      const out = part.end - part.start - inside;
      if (out > 0) {
        outsideMs += out;
        if (day.closed) reasons.add('public-holiday');
        else if (
          (day.weekday === 'saturday' || day.weekday === 'sunday') &&
          schedule[day.weekday].length === 0
        ) {
          reasons.add('weekend');
        } else reasons.add('outside-hours');
      }
      if (date === lastDate) break;
      date = day.next;
    }
  }

  const outsideMinutes = Math.floor(outsideMs / 60_000);
  const order: OutsideHoursReason[] = ['weekend', 'public-holiday', 'outside-hours'];
  return {
    outside: outsideMinutes > 0,
    outsideMinutes,
    reasons: outsideMinutes > 0 ? order.filter((r) => reasons.has(r)) : [],
  };
}

interface DayPlan {
  /** Local midnight and the next one: 23 or 25 hours apart on DST days. */
  readonly start: number;
  readonly end: number;
  readonly next: LocalDate;
  readonly weekday: Weekday;
  readonly closed: boolean;
}

/*
 * Pricing checks millions of visits on the same few hundred days: what a day is (its
 * bounds, weekday, holiday) and a schedule's ranges on it are pure functions of their keys,
 * so they are memoised (a schedule object is treated as immutable, as parsed contracts are);
 * the caches are emptied when they grow large.
 */
const CACHE_LIMIT = 50_000;
const dayPlans = new Map<string, DayPlan>();
const windowsBySchedule = new WeakMap<WeeklySchedule, Map<string, readonly Span[]>>();

function dayPlan(date: LocalDate, timeZone: string, region: HolidayRegion | null): DayPlan {
  const key = `${timeZone}|${region ?? ''}|${date}`;
  let plan = dayPlans.get(key);
  if (!plan) {
    const next = addLocalDays(date, 1);
    plan = {
      // Local midnight exists every day in Europe/Paris (clocks change at 2:00 and 3:00).
      start: instantOf(date, 0, timeZone),
      end: instantOf(next, 0, timeZone),
      next,
      weekday: weekdayOf(date),
      closed: region !== null && publicHolidayOn(date, region) !== null,
    };
    if (dayPlans.size >= CACHE_LIMIT) dayPlans.clear();
    dayPlans.set(key, plan);
  }
  return plan;
}

function windowsOf(schedule: WeeklySchedule, date: LocalDate, timeZone: string): readonly Span[] {
  let byDay = windowsBySchedule.get(schedule);
  if (!byDay) {
    byDay = new Map();
    windowsBySchedule.set(schedule, byDay);
  }
  const key = `${timeZone}|${date}`;
  let windows = byDay.get(key);
  if (!windows) {
    windows = windowsOn(schedule, date, timeZone);
    if (byDay.size >= CACHE_LIMIT) byDay.clear();
    byDay.set(key, windows);
  }
  return windows;
}
