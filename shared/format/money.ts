import { normaliseSpaces } from './spaces';

const euros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

const wholeEuros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});

const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 2 });

function checkCents(cents: number): void {
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`Montant invalide : ${String(cents)} (centimes entiers attendus).`);
  }
}

/**
 * Integer cents as French money: 123456 → "1 234,56 €", -500 → "-5,00 €". Both spaces are
 * U+00A0. The division by 100 is exact for display: Intl rounds to 2 decimals, and every
 * safe integer divided by 100 rounds back to the same cents.
 */
export function formatMoney(cents: number): string {
  checkCents(cents);
  return normaliseSpaces(euros.format(cents / 100));
}

/** Cents known to be whole euros, without the decimals: 22800 → "228 €". */
export function formatWholeEuros(cents: number): string {
  checkCents(cents);
  if (cents % 100 !== 0) {
    throw new RangeError(`Montant non entier en euros : ${String(cents)} centimes.`);
  }
  return normaliseSpaces(wholeEuros.format(cents / 100));
}

/** A rate in basis points as a French percentage: 2000 → "20 %", 550 → "5,5 %". */
export function formatPercentBasisPoints(basisPoints: number): string {
  if (!Number.isInteger(basisPoints)) {
    throw new RangeError(
      `Taux invalide : ${String(basisPoints)} (points de base entiers attendus).`,
    );
  }
  return normaliseSpaces(percent.format(basisPoints / 10_000));
}
