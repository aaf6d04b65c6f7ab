/**
 * What Excel does to identifiers it takes for numbers, seen cell by cell: a long serial
 * number becomes "6.37702E+15" (digits lost for good), an asset tag "00412" becomes "412".
 * The row is still imported (the rest of it is good); the cell is flagged so the user can
 * fix it from the original.
 */

const SCIENTIFIC = /^-?\d(?:[.,]\d+)?E[+-]?\d+$/i;

export function isScientificNotation(value: string): boolean {
  return SCIENTIFIC.test(value.trim());
}

export const SCIENTIFIC_WARNING =
  'notation scientifique : Excel a arrondi ce numéro, les derniers chiffres sont perdus (reprenez-le du fichier d’origine ou de l’étiquette)';

/**
 * In a column of digit-only identifiers, the usual length (the most frequent one, when most
 * values share it). A shorter all-digit value has most likely lost its leading zeros.
 */
export function usualDigitLength(values: readonly string[]): number | null {
  const lengths = new Map<number, number>();
  let digitOnly = 0;
  for (const raw of values) {
    const value = raw.trim();
    if (!/^\d+$/.test(value)) continue;
    digitOnly++;
    lengths.set(value.length, (lengths.get(value.length) ?? 0) + 1);
  }
  if (digitOnly < 3) return null;
  const [length, count] = [...lengths.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
  return count * 2 > digitOnly ? length : null;
}

/** The warning for a digit-only value shorter than its column's usual length, if it is. */
export function leadingZerosWarning(value: string, usualLength: number | null): string | null {
  const v = value.trim();
  if (usualLength === null || !/^\d+$/.test(v) || v.length >= usualLength) return null;
  const missing = usualLength - v.length;
  return `zéros en tête probablement perdus par Excel (${v.length} chiffres au lieu de ${usualLength} : « ${'0'.repeat(missing)}${v} » ?)`;
}
