import type { DesktopApi } from '../../../shared/ipc';
import type { BordereauDb } from '../../db/database';
import type { StoredReport } from '../../db/repositories/reports';
import { reportFileName, reportPdfBytes } from './report-pdf';

/**
 * Prints the client's copy on site, the sealed PDF as it is: in the desktop shell, a viewer
 * window whose print button opens the system's print dialog (electron/print-viewer.ts); in a
 * browser, a new tab with the browser's PDF viewer. Returns a French line for the status area.
 */
export async function printReportPdf(
  deps: { db: BordereauDb; desktop: Pick<DesktopApi, 'printPdf'> },
  stored: StoredReport,
): Promise<string> {
  const bytes = await reportPdfBytes(deps.db, stored);
  const title = reportFileName(stored).replace(/\.pdf$/i, '');
  const result = await deps.desktop.printPdf({ title, bytes });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.shownIn === 'viewer'
    ? 'Bordereau ouvert pour l’impression : cliquez sur l’imprimante en haut à droite (ou Ctrl+P) pour choisir l’imprimante.'
    : 'PDF ouvert dans un nouvel onglet : imprimez-le (Ctrl+P).';
}
