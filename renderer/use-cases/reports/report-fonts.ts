import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf?url';
import italicUrl from 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Oblique.ttf?url';
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf?url';
import type { ReportFonts } from '../../../shared/report/pdf/fonts';

/** Base64 of a file's bytes, by chunks (String.fromCharCode takes a bounded argument list). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

async function fetchFont(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return toBase64(new Uint8Array(await response.arrayBuffer()));
}

let loading: Promise<ReportFonts> | null = null;

/**
 * The bordereau's embedded font (shared/report/pdf/fonts.ts): three TTF files emitted by Vite
 * as separate assets (≈ 650 KiB each) instead of 2.6 MB of base64 inlined in the chunk that
 * renders PDFs. They are part of the build, served locally (the desktop shell's app://
 * protocol, or the same static server as the page), so they load offline like the code;
 * read once per session and kept in memory. A failed read is retried on the next call.
 */
export function loadReportFonts(): Promise<ReportFonts> {
  loading ??= Promise.all([fetchFont(regularUrl), fetchFont(boldUrl), fetchFont(italicUrl)])
    .then(([regular, bold, italic]) => ({ regular, bold, italic }))
    .catch((cause: unknown) => {
      loading = null;
      throw new Error(
        'Police du bordereau introuvable : rechargez l’application, puis recommencez.',
        { cause },
      );
    });
  return loading;
}

/**
 * Starts reading the fonts in the background, so a bordereau signed later (perhaps with the
 * browser offline, before any PDF was made) finds them already in memory.
 */
export function preloadReportFonts(): void {
  void loadReportFonts().catch(() => undefined);
}
