/**
 * The only space character the formatters put inside a value (between digit groups, before
 * "€", between a number and its unit): U+00A0 NO-BREAK SPACE. Intl's fr-FR output uses
 * U+202F (narrow no-break space) for digit groups, which varies between engines and is missing
 * from the PDF's standard fonts (WinAnsi), so it is replaced. Words in labels are separated by
 * ordinary spaces (U+0020).
 */
export const NBSP = '\u00a0';

const NARROW_NBSP = /\u202f/g;

/** Replace the narrow no-break spaces Intl emits with `NBSP`. */
export function normaliseSpaces(text: string): string {
  return text.replace(NARROW_NBSP, NBSP);
}
