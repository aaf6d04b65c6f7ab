import { publicHolidayOn } from '../calendar/holidays';
import type { HolidayRegion } from '../calendar/holidays';
import { addLocalDays, instantOf } from '../calendar/local-date';
import type { LocalDate } from '../calendar/local-date';
import { weekdayOf } from '../calendar/weekly-schedule';
import { formatDateTime, formatLocalDate } from '../format/date';
import type { NeedsLog } from './job';

/** 004 art. VI: the needs log is validated "au minimum 2 jours ouvrés avant l'intervention". */
export const NEEDS_LOG_WORKING_DAYS = 2;

function isWorkingDay(date: LocalDate, region: HolidayRegion): boolean {
  const weekday = weekdayOf(date);
  return weekday !== 'saturday' && weekday !== 'sunday' && publicHolidayOn(date, region) === null;
}

/**
 * The last day the IT correspondent may validate the needs log of a visit on `visitDate`:
 * two working days (Monday to Friday, not public holidays) before it, that day included
 * until midnight. A Thursday visit needs it by Tuesday; a Monday visit by the Thursday
 * before; a Friday visit after Ascension Thursday by Tuesday.
 */
export function needsLogDeadlineDate(
  visitDate: LocalDate,
  region: HolidayRegion = 'metropole',
): LocalDate {
  let date = visitDate;
  for (let counted = 0; counted < NEEDS_LOG_WORKING_DAYS;) {
    date = addLocalDays(date, -1);
    if (isWorkingDay(date, region)) counted += 1;
  }
  return date;
}

export type NeedsLogStatus = 'validated' | 'validated-late' | 'pending' | 'overdue' | 'missing';

export interface NeedsLogCheck {
  readonly status: NeedsLogStatus;
  readonly message: string;
}

/** Where a visit's needs log stands at `now` (validated in time, late, still awaited…). */
export function checkNeedsLog(
  needsLog: NeedsLog | null,
  visitDate: LocalDate,
  now: number,
  region: HolidayRegion = 'metropole',
): NeedsLogCheck {
  const lastDay = needsLogDeadlineDate(visitDate, region);
  const deadline = instantOf(addLocalDays(lastDay, 1), 0);
  const by = formatLocalDate(lastDay);
  if (needsLog === null) {
    return {
      status: 'missing',
      message: `Aucun journal des besoins : il doit être validé par le correspondant informatique au plus tard le ${by} (004 art. VI).`,
    };
  }
  if (needsLog.validatedAt !== null) {
    return needsLog.validatedAt < deadline
      ? {
          status: 'validated',
          message: `Journal des besoins validé par ${needsLog.validatedBy} le ${formatDateTime(needsLog.validatedAt)}.`,
        }
      : {
          status: 'validated-late',
          message: `Journal des besoins validé tardivement par ${needsLog.validatedBy} le ${formatDateTime(needsLog.validatedAt)} (attendu au plus tard le ${by}, 004 art. VI).`,
        };
  }
  return now < deadline
    ? {
        status: 'pending',
        message: `Journal des besoins à faire valider par le correspondant informatique au plus tard le ${by}.`,
      }
    : {
        status: 'overdue',
        message: `Journal des besoins non validé : il fallait le faire valider au plus tard le ${by} (004 art. VI).`,
      };
}
