import type { jsPDF } from 'jspdf';
import { FONT } from './page-layout';
import { addParsedFont } from './parsed-fonts';

/**
 * The bordereau's typeface: DejaVu Sans Condensed (package `dejavu-fonts-ttf`, Bitstream Vera
 * licence: free to embed and redistribute), embedded in every PDF. The 14 standard PDF fonts
 * are not embedded and only know WinAnsi, so "→", "≥" or "ᵉ" could not print as typed and a
 * PDF/A reader would refuse the file. jsPDF embeds only the glyphs used (a subset) with a
 * ToUnicode map, so the text stays searchable and extractable.
 *
 * shared/ reads no files: each side loads the TTF files its own way (Vite asset URLs in the
 * renderer, the file system in Node) and passes their bytes in base64.
 */
export interface ReportFonts {
  readonly regular: string;
  readonly bold: string;
  readonly italic: string;
}

/** The files of `dejavu-fonts-ttf/ttf/` each style is drawn with. */
export const REPORT_FONT_FILES = {
  regular: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
  italic: 'DejaVuSansCondensed-Oblique.ttf',
} as const satisfies Record<keyof ReportFonts, string>;

/**
 * Registers the three styles with `doc` (bold italic is drawn bold: no text uses it). Each
 * file is parsed once per process (parsed-fonts.ts), not once per document.
 */
export function registerReportFonts(doc: jsPDF, fonts: ReportFonts): void {
  const styles: ReadonlyArray<readonly [keyof ReportFonts, string]> = [
    ['regular', 'normal'],
    ['bold', 'bold'],
    ['italic', 'italic'],
    ['bold', 'bolditalic'],
  ];
  for (const [key, style] of styles) {
    addParsedFont(doc, REPORT_FONT_FILES[key], fonts[key], FONT, style);
  }
  doc.setFont(FONT, 'normal');
}
