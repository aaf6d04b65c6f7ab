import { renderBordereauPdf } from '../../../shared/report/pdf/render';
import type { BordereauDb } from '../../db/database';
import {
  attachmentBytes,
  listAttachments,
  saveAttachment,
} from '../../db/repositories/attachments';
import type { StoredReport } from '../../db/repositories/reports';
import { desktop } from '../../platform/desktop';

/** "BI-2026-JD-0042.pdf", "BI-2026-JD-0042-v2.pdf" for a later version. */
export function reportFileName(stored: StoredReport): string {
  const version = stored.report.content.version.number;
  return `${stored.number}${version > 1 ? `-v${version}` : ''}.pdf`;
}

/**
 * The report's PDF, kept as an attachment of the report so it reopens offline exactly as
 * handed over. A sealed report renders byte for byte the same, so a missing copy is rebuilt.
 */
export async function reportPdfBytes(
  db: BordereauDb,
  stored: StoredReport,
): Promise<Uint8Array<ArrayBuffer>> {
  if (stored.report.status === 'sealed') {
    const [kept] = await listAttachments(db, stored.id, 'pdf');
    if (kept) return attachmentBytes(kept);
  }
  const bytes = renderBordereauPdf(stored.report);
  if (stored.report.status === 'sealed') {
    await saveAttachment(db, {
      ownerId: stored.id,
      clientId: stored.clientId,
      kind: 'pdf',
      mimeType: 'application/pdf',
      fileName: reportFileName(stored),
      createdAt: stored.report.seal.sealedAt,
      bytes,
    });
  }
  return bytes;
}

/** Through the desktop shell's save dialog, or a download in the browser. */
export async function saveReportPdf(db: BordereauDb, stored: StoredReport): Promise<string | null> {
  const bytes = await reportPdfBytes(db, stored);
  const result = await desktop.savePdf({ suggestedName: reportFileName(stored), bytes });
  if (!result.ok) throw new Error(result.error.message);
  return result.value?.path ?? null;
}
