import { jsPDF } from 'jspdf';
import type { Report } from '../model';
import { PageCursor } from './cursor';
import { registerReportFonts } from './fonts';
import type { ReportFonts } from './fonts';
import { drawDraftWatermarks, drawPageFrames } from './page-frame';
import { pdfDate } from './pdf-date';
import { toPdfText } from './pdf-text';
import { MissingPhotosError, missingPhotos, writePhotoAnnex } from './photo-annex';
import { writeBackup } from './section-backup';
import { writeBilling } from './section-billing';
import { writeVisitSection, writeTimeline } from './section-visit';
import { writeParties, writeStatusBanners } from './section-parties';
import { writeClientCopy, writeDataNotice, writeNotAnInvoice } from './section-notices';
import { writeSignatures } from './section-signatures';
import { writeTeam } from './section-team';
import { finishPdf } from './sealed-attachment';
import {
  writeEquipment,
  writeNothingElse,
  writeParts,
  writeResult,
  writeWork,
} from './section-work';

export interface RenderOptions {
  /** The embedded font's TTF files (fonts.ts). */
  readonly fonts: ReportFonts;
  /** Deflate the page streams (default true); off only to inspect the raw PDF. */
  readonly compress?: boolean;
  /**
   * The report's photos as data URLs, by the SHA-256 the report seals them with. Required
   * when the report has photos: a bordereau is never printed with its annex incomplete.
   */
  readonly photos?: ReadonlyMap<string, string>;
  /**
   * The office server's public address: a sealed report then prints a QR code to its
   * verification page (qr-code.ts). Outside the seal: the office's address may change.
   */
  readonly verifyBaseUrl?: string;
}

/**
 * The bordereau as an A4 PDF (jsPDF with an embedded Unicode font: runs the same in the
 * browser, in Electron and in Node). A sealed report carries its signed content as an
 * attached file (sealed-attachment.ts) and renders byte for byte the same every time: the
 * PDF's dates are the sealing instant and its file id derives from the seal hash, so the
 * office can regenerate a client's copy and compare it. A draft renders with a "BROUILLON"
 * mark on every page.
 */
export async function renderBordereauPdf(
  report: Report,
  options: RenderOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  const missing = missingPhotos(report, options.photos);
  if (missing.length > 0) throw new MissingPhotosError(missing);
  const doc = new jsPDF({
    unit: 'mm',
    format: 'a4',
    orientation: 'portrait',
    compress: options.compress ?? true,
    // Only the embedded font: the 14 standard fonts are never embedded (PDF/A forbids that).
    putOnlyUsedFonts: true,
  });
  registerReportFonts(doc, options.fonts);
  const { content } = report;
  const instant = report.status === 'sealed' ? report.seal.sealedAt : content.issuedAt;
  doc.setCreationDate(pdfDate(instant));
  doc.setFileId(
    (report.status === 'sealed' ? report.seal.hash : content.id.replace(/-/g, '').padEnd(64, '0'))
      .slice(0, 32)
      .toUpperCase(),
  );
  doc.setProperties({
    title: toPdfText(`Bordereau d’intervention ${content.number}`),
    subject: toPdfText(`${content.client.name} – ${content.site.name}`),
    author: toPdfText(content.provider.name),
    creator: 'Bordereau',
    keywords: report.status === 'sealed' ? `SHA-256 ${report.seal.hash}` : 'brouillon',
  });
  doc.setLanguage('fr-FR');

  const cursor = new PageCursor(doc);
  writeParties(cursor, report);
  writeStatusBanners(cursor, report);
  writeVisitSection(cursor, report);
  writeTimeline(cursor, report);
  writeTeam(cursor, report);
  writeEquipment(cursor, report);
  writeWork(cursor, report);
  writeParts(cursor, report);
  writeResult(cursor, report);
  writeNothingElse(cursor, report);
  writeBackup(cursor, report);
  writeBilling(cursor, report);
  writeNotAnInvoice(cursor);
  writeSignatures(cursor, report, options.verifyBaseUrl);
  writeClientCopy(cursor, report);
  writeDataNotice(cursor, report);
  writePhotoAnnex(cursor, report, options.photos ?? new Map());

  drawDraftWatermarks(doc, report);
  drawPageFrames(doc, report);
  const pdf = new Uint8Array(doc.output('arraybuffer'));
  return finishPdf(pdf, report);
}
