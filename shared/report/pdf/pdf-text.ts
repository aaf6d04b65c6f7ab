/**
 * jsPDF's standard fonts (Helvetica) only know the WinAnsi character set: Latin-1 plus
 * € ‚ „ … ‘ ’ “ ” • – — œ Œ ™ and a few more. That covers French (accents, ç, œ, «», €),
 * but not everything a technician may type or Intl may emit: a character outside the set
 * would be printed as garbage. Every string goes through `toPdfText` before it is drawn.
 */

/** The WinAnsi code points above Latin-1 (bytes 0x80–0x9F of Windows-1252). */
const WINANSI_EXTRA = new Set(
  [
    0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
    0x017d, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
    0x0153, 0x017e, 0x0178,
  ].map((code) => String.fromCodePoint(code)),
);

/** Look-alikes for characters French text commonly contains but WinAnsi lacks. */
const SUBSTITUTES: Readonly<Record<string, string>> = {
  // Narrow and figure no-break spaces (Intl fr-FR digit groups) become U+00A0, which WinAnsi
  // has: it is drawn as a space, extracted as a space, and jsPDF never wraps a line at it,
  // so "1 234,56 €" and "3 h 30" stay on one line.
  '\u202f': '\u00a0',
  '\u2007': '\u00a0',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u1d49': 'e', // "2ᵉ étage"
  '\u02b3': 'r', // "1ʳᵉ"
  '\u2192': '->',
  '\u2190': '<-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2713': 'x',
  '\u2714': 'x',
  '\u2610': '[ ]',
  '\u2611': '[x]',
  '\u200b': '',
  '\u200d': '',
  '\ufeff': '',
};

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WINANSI_EXTRA.has(char)
  );
}

/**
 * `text` in characters Helvetica can draw: composed (NFC) so "é" typed as e + accent becomes
 * one glyph, tabs and CR/LF normalised, known look-alikes substituted, anything else "?".
 */
export function toPdfText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    if (isWinAnsi(char)) out += char;
    else out += SUBSTITUTES[char] ?? '?';
  }
  return out;
}
