/**
 * Every string goes through `toPdfText` before it is drawn. The embedded Unicode font
 * (fonts.ts) prints French and its symbols as typed ("→", "œ", "« »", "’", "€", "ᵉ"), so
 * only what would print wrongly in any font is changed: decomposed accents, line endings,
 * tabs, invisible characters.
 */

/** Zero-width characters and the byte-order mark: no glyph, and they break searching. */
const INVISIBLE = /\u200b|\u200c|\u200d|\u2060|\ufeff/g;

/**
 * `text` composed (NFC, so "é" typed as e + accent is one glyph and one searchable
 * character), CR/LF normalised to LF, tabs as spaces, invisible characters removed. The
 * narrow no-break spaces of fr-FR formatting ("1 234,56 €", "7 h") become U+00A0: jsPDF never
 * wraps a line at either, but the narrow glyph is so thin that text extraction (pdftotext,
 * a reader's search) may drop the space and read "7h".
 */
export function toPdfText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(INVISIBLE, '')
    .replace(/[\u202f\u2007]/g, '\u00a0');
}
