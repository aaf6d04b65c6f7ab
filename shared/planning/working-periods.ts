import { clockText } from './clock-text';
import { clockMinutes, INTERVENTION_PERIODS, WEEKDAYS } from '../calendar/weekly-schedule';
import type { TimeRange, WeeklySchedule } from '../calendar/weekly-schedule';

/**
 * When a technician can work on a site: inside the provider's intervention periods
 * (004 art. VI) AND the site's opening hours (no one opens the door otherwise). The
 * calendar has no schedule intersection, and two sorted lists of at most a few ranges per
 * day are merged in a few lines, so no library is pulled in for it.
 */
export function siteWorkingPeriods(
  openingHours: WeeklySchedule,
  periods: WeeklySchedule = INTERVENTION_PERIODS,
): WeeklySchedule {
  const result = {} as Record<keyof WeeklySchedule, TimeRange[]>;
  for (const day of WEEKDAYS) {
    const ranges: TimeRange[] = [];
    for (const a of periods[day]) {
      for (const b of openingHours[day]) {
        const from = Math.max(clockMinutes(a.from), clockMinutes(b.from));
        const to = Math.min(clockMinutes(a.to), clockMinutes(b.to));
        if (from < to) ranges.push({ from: clockText(from), to: clockText(to) });
      }
    }
    ranges.sort((x, y) => clockMinutes(x.from) - clockMinutes(y.from));
    result[day] = ranges;
  }
  return result;
}
