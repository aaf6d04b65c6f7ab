import { getReport } from '../../db/repositories/reports';
import type { DesktopDeps } from '../deps';

/**
 * Saves the PDF of a bordereau as it was signed (save dialog, or a download in a browser).
 * The PDF writer is a large chunk: loaded when a PDF is made, not with the office screen.
 */
export async function saveSignedPdf(
  deps: DesktopDeps,
  input: { readonly reportId: string },
): Promise<void> {
  const stored = await getReport(deps.db, input.reportId);
  if (!stored) throw new Error('Bordereau introuvable sur ce poste : synchronisez.');
  await (await import('../reports/report-files')).saveReport(deps, stored);
}
