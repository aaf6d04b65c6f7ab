import { formatMoney } from '../format/money';
import { NBSP } from '../format/spaces';

/**
 * `formatMoney` for the amounts of a priced line's explanation, without `Intl`: pricing
 * explains every line of every intervention, and `Intl.NumberFormat#format` costs
 * microseconds a call (the billing bench, docs/benchmarks.md). Hand-rolled for that reason
 * only; the output is checked equal to `formatMoney` by a property test. Negative or unsafe
 * amounts go to `formatMoney` itself.
 */
export function moneyText(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) return formatMoney(cents);
  const euros = String(Math.floor(cents / 100));
  const rest = cents % 100;
  let grouped = '';
  for (let end = euros.length; end > 0; end -= 3) {
    const group = euros.slice(Math.max(0, end - 3), end);
    grouped = grouped === '' ? group : `${group}${NBSP}${grouped}`;
  }
  return `${grouped},${rest < 10 ? '0' : ''}${rest}${NBSP}€`;
}
