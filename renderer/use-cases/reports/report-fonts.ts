import boldDataUrl from 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf?inline';
import italicDataUrl from 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Oblique.ttf?inline';
import regularDataUrl from 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf?inline';
import type { ReportFonts } from '../../../shared/report/pdf/fonts';

const base64Of = (dataUrl: string): string => dataUrl.slice(dataUrl.indexOf(',') + 1);

/**
 * The bordereau's embedded font (shared/report/pdf/fonts.ts), inlined by Vite into this
 * module's chunk (preloaded with the report screens): a bordereau is signed and printed
 * offline at the client's, where a font fetched on demand would not arrive (in a browser, or
 * after an update) — about 2.6 MB of base64 in the chunk that renders PDFs.
 */
export function loadReportFonts(): Promise<ReportFonts> {
  return Promise.resolve({
    regular: base64Of(regularDataUrl),
    bold: base64Of(boldDataUrl),
    italic: base64Of(italicDataUrl),
  });
}
