import { addYears } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { parseLocalDate, toLocalDate } from '../calendar/local-date';
import type { LocalDate } from '../calendar/local-date';
import { assertSafe, roundHalfUpDiv } from './money';

export type AgeSurchargePercent = 0 | 10 | 20 | 30;

/** The date `years` after `date`; 29 February falls back to 28 February (date-fns addYears). */
function anniversary(date: LocalDate, years: number): LocalDate {
  const p = parseLocalDate(date);
  const d = addYears(new TZDate(p.year, p.month - 1, p.day, 12, 'UTC'), years);
  return toLocalDate({ year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() });
}

/**
 * The surcharge on an equipment's subscription fee by age (004 art. XI): +10 % "de plus de
 * 3 ans et moins de 4 ans", +20 % "de plus de 4 ans et moins de 5 ans", +30 % "de plus de
 * 5 ans". Age runs from the purchase date to the billing date; "plus de N ans" is strict, so
 * on the 3rd anniversary itself there is no surcharge yet, and from the day after there is.
 * On the 4th and 5th anniversaries the lower step still applies (the text leaves the exact
 * day open; ours is the reading that favours the client).
 */
export function ageSurchargePercent(
  purchasedOn: LocalDate,
  billedOn: LocalDate,
): AgeSurchargePercent {
  parseLocalDate(billedOn);
  if (billedOn > anniversary(purchasedOn, 5)) return 30;
  if (billedOn > anniversary(purchasedOn, 4)) return 20;
  if (billedOn > anniversary(purchasedOn, 3)) return 10;
  return 0;
}

/** The fee with its age surcharge, rounded half-up to the cent (our default). */
export function applyAgeSurcharge(feeCents: number, percent: AgeSurchargePercent): number {
  assertSafe(feeCents);
  return roundHalfUpDiv(feeCents * (100 + percent), 100);
}
