import { renderBordereauPdf } from '../../../shared/report/pdf/render';
import { reportOf } from '../../../shared/sync/report-record';
import type { BordereauDb } from '../../db/database';
import {
  attachmentBytes,
  getAttachment,
  listAttachments,
  saveAttachment,
  sha256Hex,
} from '../../db/repositories/attachments';
import type { StoredReport } from '../../db/repositories/reports';
import type { DesktopApi } from '../../../shared/ipc';
import type { BlobFetcher } from '../../sync/blob-fetcher';
import { sessionBlobFetcher } from '../../sync/blob-fetcher';
import { readStoredSession } from '../../sync/session';
import { bytesToDataUrl } from './data-url';
import { loadReportFonts, preloadReportFonts } from './report-fonts';
import type { ReportFonts } from '../../../shared/report/pdf/fonts';

// The screens that make PDFs import this module: their fonts start loading with them
// (report-fonts.ts), not when the first PDF is asked for. Not under Node (unit tests pass
// their fonts in).
if (typeof window !== 'undefined') preloadReportFonts();

/** "BI-2026-JD-0042.pdf", "BI-2026-JD-0042-v2.pdf" for a later version. */
export function reportFileName(stored: StoredReport): string {
  const version = stored.content.version.number;
  return `${stored.content.number}${version > 1 ? `-v${version}` : ''}.pdf`;
}

/**
 * The report's photos as data URLs, by hash: from this laptop's files, else downloaded from
 * the office server (the office's copy of a technician's report), checked against the hash
 * the report seals and kept locally. A photo found nowhere is left out: rendering then
 * refuses with the list of missing photos (MissingPhotosError). `fetchBlob` undefined: the
 * logged-in session's, looked up only if a photo is missing here; null: no download.
 */
export async function reportPhotoImages(
  db: BordereauDb,
  stored: StoredReport,
  fetchBlob: BlobFetcher | null | undefined,
): Promise<Map<string, string>> {
  const images = new Map<string, string>();
  let fetcher = fetchBlob;
  for (const [i, photo] of stored.content.photos.entries()) {
    const local = await getAttachment(db, photo.sha256);
    let bytes: Uint8Array<ArrayBuffer> | null = local ? attachmentBytes(local) : null;
    if (!bytes && fetcher === undefined) fetcher = await sessionBlobFetcher(db);
    if (!bytes && fetcher) {
      const fetched = new Uint8Array(await fetcher(photo.sha256));
      if ((await sha256Hex(fetched)) !== photo.sha256) {
        throw new Error(
          `La photo n° ${i + 1} reçue du serveur ne correspond pas à l’empreinte scellée dans le bordereau.`,
        );
      }
      await saveAttachment(db, {
        ownerId: stored.id,
        clientId: stored.clientId,
        kind: 'photo',
        mimeType: photo.mediaType,
        fileName: `${stored.content.number}-photo-${i + 1}.${photo.mediaType === 'image/png' ? 'png' : 'jpg'}`,
        createdAt: photo.takenAt,
        bytes: fetched,
      });
      bytes = fetched;
    }
    if (bytes) images.set(photo.sha256, bytesToDataUrl(bytes, photo.mediaType));
  }
  return images;
}

/**
 * The office server this laptop syncs with: its public page verifies the report (the QR
 * code). None when the laptop has never been connected: the PDF then has no QR code, and its
 * attached content still lets anyone check the hash offline.
 */
async function verifyBaseUrl(db: BordereauDb): Promise<string | null> {
  return (await readStoredSession(db))?.serverUrl ?? null;
}

/**
 * The report's PDF, kept as an attachment of the report so it reopens offline exactly as
 * handed over. A sealed report renders byte for byte the same, so a missing copy is rebuilt
 * (its photos fetched from the office server if this laptop lacks them; `fetchBlob`
 * defaults to the logged-in session's).
 */
export async function reportPdfBytes(
  db: BordereauDb,
  stored: StoredReport,
  fetchBlob?: BlobFetcher | null,
  fonts?: ReportFonts,
): Promise<Uint8Array<ArrayBuffer>> {
  if (stored.status === 'sealed') {
    const [kept] = await listAttachments(db, stored.id, 'pdf');
    if (kept) return attachmentBytes(kept);
  }
  const photos = await reportPhotoImages(db, stored, fetchBlob);
  const bytes = await renderBordereauPdf(reportOf(stored), {
    fonts: fonts ?? (await loadReportFonts()),
    photos,
    verifyBaseUrl: (await verifyBaseUrl(db)) ?? undefined,
  });
  if (stored.status === 'sealed') {
    await saveAttachment(db, {
      ownerId: stored.id,
      clientId: stored.clientId,
      kind: 'pdf',
      mimeType: 'application/pdf',
      fileName: reportFileName(stored),
      createdAt: stored.seal.sealedAt,
      bytes,
    });
  }
  return bytes;
}

/** Through the desktop shell's save dialog, or a download in the browser. */
export async function saveReportPdf(
  deps: { readonly db: BordereauDb; readonly desktop: Pick<DesktopApi, 'savePdf'> },
  stored: StoredReport,
): Promise<string | null> {
  const bytes = await reportPdfBytes(deps.db, stored);
  const result = await deps.desktop.savePdf({ suggestedName: reportFileName(stored), bytes });
  if (!result.ok) throw new Error(result.error.message);
  return result.value?.path ?? null;
}
