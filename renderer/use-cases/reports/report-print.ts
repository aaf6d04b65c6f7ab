import type { BordereauDb } from '../../db/database';
import type { StoredReport } from '../../db/repositories/reports';
import { desktop, isDesktopShell } from '../../platform/desktop';
import { reportFileName, reportPdfBytes } from './report-pdf';

/**
 * Prints the client's copy on site. The app's CSP forbids frames (frame-src 'none'), so the
 * PDF cannot be printed from a hidden frame of this page: in the desktop shell it is saved
 * (save dialog) and opened in the system's PDF viewer, whose print dialog prints it as it is;
 * in a browser it opens in a new tab, where the browser's PDF viewer prints it.
 * Returns a French line for the status area.
 */
export async function printReportPdf(db: BordereauDb, stored: StoredReport): Promise<string> {
  const bytes = await reportPdfBytes(db, stored);
  if (isDesktopShell) {
    const saved = await desktop.savePdf({ suggestedName: reportFileName(stored), bytes });
    if (!saved.ok) throw new Error(saved.error.message);
    if (!saved.value) return 'Impression annulée.';
    const opened = await desktop.openPath({ path: saved.value.path });
    if (!opened.ok) throw new Error(opened.error.message);
    return 'PDF ouvert dans la visionneuse : imprimez-le depuis sa fenêtre (Ctrl+P).';
  }
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const tab = window.open(url, '_blank');
  // the tab keeps the document; the URL is released once it had time to load
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  if (!tab) throw new Error('Ouverture bloquée par le navigateur : autorisez les fenêtres.');
  return 'PDF ouvert dans un nouvel onglet : imprimez-le (Ctrl+P).';
}
