/**
 * Integer arithmetic on cents. Prices are "arrondis à l'euro supérieur" (002 art. IV.2.2) and
 * VAT is rounded half-up to the cent: both done on integers, never on floats.
 */

/** Upper bound on any amount the schemas accept (100 M€), so products stay exact integers. */
export const MAX_AMOUNT_CENTS = 10_000_000_000;

/** ceil(numerator / denominator) for integers, numerator ≥ 0, denominator > 0. */
export function ceilDiv(numerator: number, denominator: number): number {
  return Math.floor((numerator + denominator - 1) / denominator);
}

/** round-half-up(numerator / denominator) for integers, numerator ≥ 0, denominator > 0. */
export function roundHalfUpDiv(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * An amount expressed as `numerator / denominator` cents, rounded up to the whole euro
 * (a multiple of 100 cents). 227.50 € (22 750 cents) → 22 800.
 */
export function ceilToEuroCents(numerator: number, denominator = 1): number {
  assertSafe(numerator);
  return ceilDiv(numerator, denominator * 100) * 100;
}

export function assertSafe(value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`Montant hors limites : ${String(value)}.`);
  }
}
