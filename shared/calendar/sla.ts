import { publicHolidayOn } from './holidays';
import type { HolidayRegion } from './holidays';
import { addLocalDays, localDateOf, PARIS_TIME_ZONE } from './local-date';
import { INTERVENTION_PERIODS, windowsOn } from './weekly-schedule';
import type { WeeklySchedule } from './weekly-schedule';

/** 004 art. VI: "4H00 ouvrées … pour les pannes serveurs et réseaux". */
export const SLA_SERVER_NETWORK_MINUTES = 240;
/** 004 art. VI: "8H00 ouvrées pour les postes de travail et périphériques". */
export const SLA_WORKSTATION_MINUTES = 480;

export interface SlaOptions {
  /** The working periods (default: the intervention periods of 004 art. VI). */
  readonly periods?: WeeklySchedule;
  readonly timeZone?: string;
  readonly holidays?: HolidayRegion;
}

/** Beyond this many calendar days without a single working minute, the schedule is empty. */
const MAX_DAYS_SEARCHED = 3_660;

/**
 * When the on-site response is due: `workingMinutes` of working time counted from
 * `requestedAt` (ms), only inside the intervention periods, skipping French public holidays.
 * A request made outside the periods starts counting at the next period. The deadline falls
 * inside a period, never at the start of the next one: a 4 h SLA asked on Monday at 9:00
 * is due at 14:30 (3 h 30 in the morning, 30 min in the afternoon).
 */
export function slaDeadline(
  requestedAt: number,
  workingMinutes: number,
  options: SlaOptions = {},
): number {
  if (!Number.isInteger(requestedAt) || requestedAt < 0) {
    throw new RangeError(`Horodatage invalide : ${String(requestedAt)}.`);
  }
  if (!Number.isInteger(workingMinutes) || workingMinutes <= 0) {
    throw new RangeError(
      `Délai invalide : ${String(workingMinutes)} (minutes entières > 0 attendues).`,
    );
  }
  const periods = options.periods ?? INTERVENTION_PERIODS;
  const timeZone = options.timeZone ?? PARIS_TIME_ZONE;
  const region = options.holidays ?? 'metropole';
  let remainingMs = workingMinutes * 60_000;
  let date = localDateOf(requestedAt, timeZone);
  for (let i = 0; i < MAX_DAYS_SEARCHED; i += 1, date = addLocalDays(date, 1)) {
    if (publicHolidayOn(date, region)) continue;
    for (const w of windowsOn(periods, date, timeZone)) {
      const start = Math.max(w.start, requestedAt);
      if (start >= w.end) continue;
      const available = w.end - start;
      if (remainingMs <= available) return start + remainingMs;
      remainingMs -= available;
    }
  }
  throw new RangeError('Aucune période d’intervention : le délai ne peut pas être calculé.');
}

/** Working minutes between two instants, counted the same way (for "is the SLA met?"). */
export function workingMinutesBetween(from: number, to: number, options: SlaOptions = {}): number {
  if (to <= from) return 0;
  const periods = options.periods ?? INTERVENTION_PERIODS;
  const timeZone = options.timeZone ?? PARIS_TIME_ZONE;
  const region = options.holidays ?? 'metropole';
  const last = localDateOf(to, timeZone);
  let ms = 0;
  for (let date = localDateOf(from, timeZone); date <= last; date = addLocalDays(date, 1)) {
    if (publicHolidayOn(date, region)) continue;
    for (const w of windowsOn(periods, date, timeZone)) {
      ms += Math.max(0, Math.min(w.end, to) - Math.max(w.start, from));
    }
  }
  return Math.floor(ms / 60_000);
}
