import { renderQuotePdf } from '../../../shared/billing/quote-pdf';
import type { SealedQuote } from '../../../shared/billing/quote';
import type { StoredReport } from '../../db/repositories/reports';
import { isDesktopShell } from '../../platform/desktop';
import type { DesktopDeps } from '../deps';
import { loadReportFonts } from './report-fonts';
import { saveReportPdf } from './report-pdf';
import { printReportPdf } from './report-print';

/** Saves the bordereau's PDF (save dialog, or a download in a browser); its path, or null when cancelled. */
export function saveReport(deps: DesktopDeps, stored: StoredReport): Promise<string | null> {
  return saveReportPdf(deps, stored);
}

/** Prints the client's copy on site; a French line for the status area. */
export function printReport(deps: DesktopDeps, stored: StoredReport): Promise<string> {
  return printReportPdf(deps, stored);
}

/** A saved PDF can be opened in the system's viewer (the desktop shell; not a browser). */
export const canOpenSavedPdf = isDesktopShell;

/** Opens a saved PDF in the system's viewer (desktop only). */
export async function openSavedPdf(deps: DesktopDeps, path: string): Promise<void> {
  const opened = await deps.desktop.openPath({ path });
  if (!opened.ok) throw new Error(opened.error.message);
}

/** Saves a signed quote's PDF (save dialog, or a download in a browser). */
export async function saveQuotePdf(deps: DesktopDeps, quote: SealedQuote): Promise<void> {
  const result = await deps.desktop.savePdf({
    suggestedName: `${quote.content.number}.pdf`,
    bytes: await renderQuotePdf(quote, await loadReportFonts()),
  });
  if (!result.ok) throw new Error(result.error.message);
}
