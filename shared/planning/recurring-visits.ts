import { addYears as addYearsToDate } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { clockText } from './clock-text';
import type { Contract } from '../billing/contract';
import { publicHolidayOn } from '../calendar/holidays';
import type { HolidayRegion } from '../calendar/holidays';
import {
  addLocalDays,
  daysBetween,
  instantOf,
  parseLocalDate,
  toLocalDate,
} from '../calendar/local-date';
import type { LocalDate } from '../calendar/local-date';
import { clockMinutes, weekdayOf } from '../calendar/weekly-schedule';
import type { TimeRange, WeeklySchedule } from '../calendar/weekly-schedule';

export interface RecurringVisitPlan {
  /** Visits per contract year (004 art. VI: "défini au bon de commande"). */
  readonly visitsPerYear: number;
  /** The period covered: `from` included, `to` excluded (e.g. the contract's start to its due date). */
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** The client's opening hours (Europe/Paris wall clock). */
  readonly openingHours: WeeklySchedule;
  /** Whose public holidays are skipped besides the mainland ones; null: mainland only. */
  readonly holidays: HolidayRegion | null;
  /** Length of each visit; default a half-day, 3 h 30 (the ladder's step). */
  readonly durationMinutes?: number;
}

export interface RecurringVisit {
  /** 1-based rank of the visit within its contract year. */
  readonly rank: number;
  /** 0 for the first contract year. */
  readonly year: number;
  readonly date: LocalDate;
  readonly slot: TimeRange;
  readonly startsAt: number;
  readonly endsAt: number;
}

const HALF_DAY_MINUTES = 210;

/** The date `years` after `date`; 29 February falls back to 28 February (date-fns addYears). */
function addYears(date: LocalDate, years: number): LocalDate {
  const p = parseLocalDate(date);
  const d = addYearsToDate(new TZDate(p.year, p.month - 1, p.day, 12, 'UTC'), years);
  return toLocalDate({ year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() });
}

/** The first opening range of the day long enough for the visit, or null (closed day). */
function slotOn(date: LocalDate, plan: RecurringVisitPlan, duration: number): TimeRange | null {
  const weekday = weekdayOf(date);
  // Visits are planned Monday to Friday (002 art. IV.2.2: "du lundi au vendredi inclus").
  if (weekday === 'saturday' || weekday === 'sunday') return null;
  if (publicHolidayOn(date, 'metropole')) return null;
  if (plan.holidays === 'alsace-moselle' && publicHolidayOn(date, 'alsace-moselle')) return null;
  for (const range of plan.openingHours[weekday]) {
    const from = clockMinutes(range.from);
    if (clockMinutes(range.to) - from >= duration)
      return { from: range.from, to: clockText(from + duration) };
  }
  return null;
}

/**
 * The planned infogérance visits of a contract over a period: `visitsPerYear` in each full
 * contract year (years counted from `from`), and in a last, shorter year the same number
 * prorated to the nearest whole visit (a 6-month remainder of a 4-visit contract gets 2). In each year
 * the visits are spread evenly: visit i of n aims at the middle of the i-th n-th of the year,
 * then moves to the nearest later working day where the client is open long enough (or the
 * nearest earlier one when no later day fits before the next visit or the end of the year).
 * The slot opens with the first opening range that holds the visit.
 */
export function recurringVisits(plan: RecurringVisitPlan): RecurringVisit[] {
  const duration = plan.durationMinutes ?? HALF_DAY_MINUTES;
  if (!Number.isInteger(plan.visitsPerYear) || plan.visitsPerYear < 0 || plan.visitsPerYear > 366) {
    throw new RangeError(`Nombre de visites par an invalide : ${String(plan.visitsPerYear)}.`);
  }
  if (!Number.isInteger(duration) || duration <= 0 || duration > 24 * 60) {
    throw new RangeError(`Durée de visite invalide : ${String(duration)} minutes.`);
  }
  if (plan.to <= plan.from) throw new RangeError('La période doit finir après son début.');
  const visits: RecurringVisit[] = [];
  for (let year = 0; ; year += 1) {
    const start = addYears(plan.from, year);
    if (start >= plan.to) break;
    const fullEnd = addYears(plan.from, year + 1);
    const end = fullEnd < plan.to ? fullEnd : plan.to;
    const fullDays = daysBetween(start, fullEnd);
    const days = daysBetween(start, end);
    const count = Math.round((plan.visitsPerYear * days) / fullDays);
    const taken = new Set<LocalDate>();
    const found: { date: LocalDate; slot: TimeRange }[] = [];
    for (let i = 0; i < count; i += 1) {
      const target = addLocalDays(start, Math.floor(((2 * i + 1) * days) / (2 * count)));
      const limit =
        i + 1 < count ? addLocalDays(start, Math.floor(((2 * i + 3) * days) / (2 * count))) : end;
      const day = nearestOpenDay(target, start, limit, plan, duration, taken);
      if (!day) {
        throw new RangeError(
          `Impossible de placer la visite ${i + 1} de l’année ${year + 1} : pas assez de jours où le client est ouvert ${String(duration)} minutes d’affilée.`,
        );
      }
      taken.add(day.date);
      found.push(day);
    }
    // A visit pushed back before the previous one keeps the list in date order.
    found.sort((a, b) => (a.date < b.date ? -1 : 1));
    for (const [index, day] of found.entries()) {
      visits.push({
        rank: index + 1,
        year,
        date: day.date,
        slot: day.slot,
        startsAt: instantOf(day.date, clockMinutes(day.slot.from)),
        endsAt: instantOf(day.date, clockMinutes(day.slot.to)),
      });
    }
  }
  return visits;
}

function nearestOpenDay(
  target: LocalDate,
  start: LocalDate,
  limit: LocalDate,
  plan: RecurringVisitPlan,
  duration: number,
  taken: ReadonlySet<LocalDate>,
): { date: LocalDate; slot: TimeRange } | null {
  for (let date = target; date < limit; date = addLocalDays(date, 1)) {
    const slot = taken.has(date) ? null : slotOn(date, plan, duration);
    if (slot) return { date, slot };
  }
  for (let date = addLocalDays(target, -1); date >= start; date = addLocalDays(date, -1)) {
    const slot = taken.has(date) ? null : slotOn(date, plan, duration);
    if (slot) return { date, slot };
  }
  return null;
}

/**
 * The planned visits of a contract from its start to its due date (renewsOn; one year when
 * the contract sets none), in the site's opening hours when given, else the contract's.
 * A contract setting no number of visits plans none.
 */
export function contractRecurringVisits(
  contract: Pick<
    Contract,
    'startsOn' | 'renewsOn' | 'subscriptionVisitsPerYear' | 'openingHours' | 'holidayRegion'
  >,
  options: { readonly openingHours?: WeeklySchedule; readonly durationMinutes?: number } = {},
): RecurringVisit[] {
  if (contract.subscriptionVisitsPerYear === null) return [];
  return recurringVisits({
    visitsPerYear: contract.subscriptionVisitsPerYear,
    from: contract.startsOn,
    to: contract.renewsOn ?? addYears(contract.startsOn, 1),
    openingHours: options.openingHours ?? contract.openingHours,
    holidays: contract.holidayRegion,
    ...(options.durationMinutes === undefined ? {} : { durationMinutes: options.durationMinutes }),
  });
}
