import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf?url';
import italicUrl from 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Oblique.ttf?url';
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf?url';
import type { ReportFonts } from '../../../shared/report/pdf/fonts';
import { bytesToDataUrl } from '../photos/resize-photo';

let loading: Promise<ReportFonts> | null = null;

async function fetchBase64(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Police du bordereau introuvable (${url}).`);
  const dataUrl = bytesToDataUrl(new Uint8Array(await response.arrayBuffer()), 'font/ttf');
  return dataUrl.slice(dataUrl.indexOf(',') + 1);
}

/**
 * The bordereau's embedded font (shared/report/pdf/fonts.ts), shipped by Vite as assets of
 * the app (same origin: allowed by the CSP) and fetched once, on the first PDF.
 */
export function loadReportFonts(): Promise<ReportFonts> {
  loading ??= Promise.all([fetchBase64(regularUrl), fetchBase64(boldUrl), fetchBase64(italicUrl)])
    .then(([regular, bold, italic]) => ({ regular, bold, italic }))
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
