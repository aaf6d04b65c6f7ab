import { subMonths } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { addLocalDays, daysBetween, parseLocalDate, toLocalDate } from '../calendar/local-date';
import type { LocalDate } from '../calendar/local-date';

/**
 * The last day to send the written notice that stops a tacit renewal: "au moins trois mois
 * avant la date d'échéance" (000 art. 7, 002 art. VII). Three months before 31 May is
 * 28 (or 29) February: date-fns clamps to the month's last day.
 */
export function noticeDeadline(renewsOn: LocalDate, noticeMonths = 3): LocalDate {
  if (!Number.isInteger(noticeMonths) || noticeMonths < 0) {
    throw new RangeError(`Préavis invalide : ${String(noticeMonths)} mois.`);
  }
  const p = parseLocalDate(renewsOn);
  const d = subMonths(new TZDate(p.year, p.month - 1, p.day, 12, 'UTC'), noticeMonths);
  return toLocalDate({ year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() });
}

export type NoticeStatus = 'ok' | 'soon' | 'last-day' | 'passed';

/**
 * Where `today` stands against the notice deadline: `soon` within `warnDays` before it (our
 * default 30 days), `last-day` on the deadline, `passed` after it (the contract renews).
 * `daysLeft` counts calendar days from today to the deadline (negative once passed).
 */
export function noticeStatus(
  renewsOn: LocalDate,
  today: LocalDate,
  options: { readonly noticeMonths?: number; readonly warnDays?: number } = {},
): { readonly deadline: LocalDate; readonly daysLeft: number; readonly status: NoticeStatus } {
  const deadline = noticeDeadline(renewsOn, options.noticeMonths ?? 3);
  parseLocalDate(today);
  const warnFrom = addLocalDays(deadline, -(options.warnDays ?? 30));
  const status: NoticeStatus =
    today > deadline
      ? 'passed'
      : today === deadline
        ? 'last-day'
        : today >= warnFrom
          ? 'soon'
          : 'ok';
  return { deadline, daysLeft: daysBetween(today, deadline), status };
}
