import { parseDecimal } from './decimal';
import { assertSafe } from './money';

/**
 * Yearly revision by the SYNTEC index (002 art. IV.2.3, 003 art. 2.2, 004 art. XI):
 * P1 = P0 × (S1 / S0), rounded half-up to the cent (our default; the contracts do not say).
 * Indices are given as published, as text ("296,1" or "296.1"), and the whole computation is
 * done on big integers so no decimal is ever approximated.
 */
export function syntecRevision(p0Cents: number, s0: string, s1: string): number {
  assertSafe(p0Cents);
  const a = parseDecimal(s0);
  const b = parseDecimal(s1);
  if (a.units === 0n) throw new RangeError('L’indice de référence S0 ne peut pas être nul.');
  // Bring both indices to the same number of decimals: S1/S0 = (b·10^sa) / (a·10^sb).
  const numerator = BigInt(p0Cents) * b.units * 10n ** BigInt(a.scale);
  const denominator = a.units * 10n ** BigInt(b.scale);
  const revised = (2n * numerator + denominator) / (2n * denominator);
  const result = Number(revised);
  assertSafe(result);
  return result;
}
