import { publicHolidayOn } from './holidays';
import type { HolidayRegion } from './holidays';
import { addLocalDays, instantOf, localDateOf, PARIS_TIME_ZONE } from './local-date';
import type { LocalDate } from './local-date';
import { clockMinutes, DEFAULT_OPENING_HOURS, weekdayOf, windowsOn } from './weekly-schedule';
import type { WeeklySchedule } from './weekly-schedule';

/**
 * 002 art. IV.2.2: "Est considérée comme urgente une demande d'intervention sous un (1) jour
 * … pour les interventions à distance ; deux (2) jours … pour les interventions sur site",
 * both "du lundi au vendredi inclus, dans les heures d'ouverture du Client".
 */
export const URGENT_WORKING_DAYS = { remote: 1, onsite: 2 } as const;

export interface UrgentDeadlineOptions {
  /** The client's (or site's) opening hours; default Monday–Friday 9:00–18:00. */
  readonly openingHours?: WeeklySchedule;
  readonly timeZone?: string;
  readonly holidays?: HolidayRegion;
}

/** Beyond this many calendar days without an opening, the schedule is taken as empty. */
const MAX_DAYS_SEARCHED = 3_660;

interface Opening {
  readonly date: LocalDate;
  readonly instant: number;
  /** Wall-clock minutes of `instant` on `date`. */
  readonly clock: number;
}

/** The first instant at or after `from` when the client is open (a working day, in hours). */
function nextOpening(
  from: number,
  schedule: WeeklySchedule,
  timeZone: string,
  region: HolidayRegion,
): Opening {
  let date = localDateOf(from, timeZone);
  for (let i = 0; i < MAX_DAYS_SEARCHED; i += 1, date = addLocalDays(date, 1)) {
    if (publicHolidayOn(date, region)) continue;
    const windows = windowsOn(schedule, date, timeZone);
    const ranges = schedule[weekdayOf(date)];
    for (const [index, w] of windows.entries()) {
      if (w.end <= from) continue;
      const instant = Math.max(w.start, from);
      // Within a range the wall clock runs with the instant: DST changes happen at night.
      const clock = clockMinutes(ranges[index]!.from) + Math.floor((instant - w.start) / 60_000);
      return { date, instant, clock };
    }
  }
  throw new RangeError('Aucune heure d’ouverture : le délai ne peut pas être calculé.');
}

function isWorkingDay(
  date: LocalDate,
  schedule: WeeklySchedule,
  region: HolidayRegion,
  timeZone: string,
): boolean {
  return !publicHolidayOn(date, region) && windowsOn(schedule, date, timeZone).length > 0;
}

/**
 * When an urgent request is due. Our reading of "sous un (1) jour … dans les heures
 * d'ouverture", the one an office clerk applies: counting starts when the client is next
 * open (at once if the request comes during opening hours), and the request is due at the
 * same clock time that many working days later (days with opening hours, not public
 * holidays). If the client is closed at that time (lunch break, a shorter Friday) it is due
 * when the client next opens. Tuesday 10:15 remote → Wednesday 10:15; Friday 19:00 on
 * site → counting from Monday 9:00 → Wednesday 9:00.
 */
export function urgentDeadline(
  requestedAt: number,
  mode: keyof typeof URGENT_WORKING_DAYS,
  options: UrgentDeadlineOptions = {},
): number {
  if (!Number.isInteger(requestedAt) || requestedAt < 0) {
    throw new RangeError(`Horodatage invalide : ${String(requestedAt)}.`);
  }
  const schedule = options.openingHours ?? DEFAULT_OPENING_HOURS;
  const timeZone = options.timeZone ?? PARIS_TIME_ZONE;
  const region = options.holidays ?? 'metropole';
  const start = nextOpening(requestedAt, schedule, timeZone, region);
  let date = start.date;
  for (let counted = 0; counted < URGENT_WORKING_DAYS[mode];) {
    date = addLocalDays(date, 1);
    if (isWorkingDay(date, schedule, region, timeZone)) counted += 1;
  }
  const sameClock = instantOf(date, start.clock, timeZone);
  const open = windowsOn(schedule, date, timeZone).some(
    (w) => w.start <= sameClock && sameClock <= w.end,
  );
  return open ? sameClock : nextOpening(sameClock, schedule, timeZone, region).instant;
}
