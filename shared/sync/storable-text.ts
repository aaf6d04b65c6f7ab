import type { z } from 'zod';

/** `String.prototype.isWellFormed` (ES2024); the ES2023 lib shared/ compiles with lacks it. */
type WellFormedCheck = string & { isWellFormed(): boolean };

/**
 * A text the database stores as is: PostgreSQL text cannot hold NUL, and a lone UTF-16
 * surrogate (half of an emoji, a text cut in the middle) has no UTF-8 form, so it would be
 * stored altered. Refused with a French message instead.
 */
export function storableText<S extends z.ZodString>(schema: S): S {
  return schema
    .refine((text) => !text.includes('\0'), 'Caractère nul interdit.')
    .refine(
      (text) => (text as WellFormedCheck).isWellFormed(),
      'Texte mal encodé (caractère Unicode incomplet).',
    );
}
