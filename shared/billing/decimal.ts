import { z } from 'zod';

/**
 * A published index value such as SYNTEC "296,1", kept as text so no float ever touches it:
 * digits, optionally a comma or a dot and decimals.
 */
export const decimalStringSchema = z
  .string()
  .trim()
  .regex(/^\d{1,9}(?:[.,]\d{1,6})?$/, 'Nombre décimal attendu (ex. « 296,1 »).');

/** "296,1" → { units: 2961n, scale: 1 } (value = units / 10^scale). */
export function parseDecimal(text: string): { units: bigint; scale: number } {
  const parsed = decimalStringSchema.safeParse(text);
  if (!parsed.success) throw new RangeError(`Nombre décimal invalide : ${text}.`);
  const [whole, fraction = ''] = parsed.data.replace(',', '.').split('.');
  return { units: BigInt(`${whole}${fraction}`), scale: fraction.length };
}
