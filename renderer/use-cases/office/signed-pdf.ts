import { getReport } from '../../db/repositories/reports';
import type { DesktopDeps } from '../deps';

/**
 * Saves the PDF of a bordereau as it was signed (the copy kept at sealing, rebuilt byte for
 * byte if this laptop lacks it) through the save dialog, or a download in a browser; the
 * saved path, or null when downloaded or cancelled. The PDF writer is a large chunk: loaded
 * when a PDF is made, not with the office screen.
 */
export async function saveSignedPdf(
  deps: DesktopDeps,
  input: { readonly reportId: string },
): Promise<string | null> {
  const stored = await getReport(deps.db, input.reportId);
  if (!stored) throw new Error('Bordereau introuvable sur ce poste : synchronisez.');
  const { reportFileName, reportPdfBytes } = await import('../reports/report-pdf');
  const bytes = await reportPdfBytes(deps.db, stored);
  const saved = await deps.desktop.savePdf({ suggestedName: reportFileName(stored), bytes });
  if (!saved.ok) throw new Error(saved.error.message);
  return saved.value?.path ?? null;
}
