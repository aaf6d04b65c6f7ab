import { sealedReportSchema } from '../../shared/report/model';
import type { SealedReport } from '../../shared/report/model';
import { renderBordereauPdf } from '../../shared/report/pdf/render';
import type { Queryable } from '../db/database';
import { loadReportFonts } from './report-fonts';

/** The sealed report stored under `reportId` (a version's record id), or null. */
export async function loadSealedReport(
  db: Queryable,
  reportId: string,
): Promise<SealedReport | null> {
  const { rows } = await db.query<{ data: Record<string, unknown> }>(
    "SELECT data FROM records WHERE entity = 'reports' AND id = $1 AND sealed",
    [reportId],
  );
  const data = rows[0]?.data;
  if (!data) return null;
  // The seal was verified on arrival (sync/report-seal.ts) and the row can no longer change.
  return sealedReportSchema.parse({
    status: data['status'],
    content: data['content'],
    seal: data['seal'],
  });
}

/**
 * The client's copy, regenerated on the server from the sealed record and the photos' blobs:
 * a sealed report renders to the same bytes everywhere (given the same public address for
 * the QR code), so this is the PDF the technician handed over.
 */
export async function sealedReportPdf(
  db: Queryable,
  report: SealedReport,
  publicUrl: string | null,
): Promise<Uint8Array> {
  const photos = new Map<string, string>();
  for (const photo of report.content.photos) {
    const { rows } = await db.query<{ content: Uint8Array }>(
      'SELECT content FROM blobs WHERE sha256 = $1',
      [photo.sha256],
    );
    const content = rows[0]?.content;
    if (content) {
      photos.set(
        photo.sha256,
        `data:${photo.mediaType};base64,${Buffer.from(content).toString('base64')}`,
      );
    }
  }
  return renderBordereauPdf(report, {
    fonts: loadReportFonts(),
    photos,
    ...(publicUrl ? { verifyBaseUrl: publicUrl } : {}),
  });
}
