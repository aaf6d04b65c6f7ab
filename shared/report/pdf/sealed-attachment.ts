import { AFRelationship } from '@cantoo/pdf-lib';
import { canonicalJson } from '../canonical-json';
import type { Report, SealedReport } from '../model';
import { finishAsPdfA3b } from './pdf-a';

/**
 * The sealed content travels inside the client's PDF, so the printed hash can be checked by
 * anyone, offline, without our software: the attachment is exactly `canonicalJson(content)`
 * in UTF-8, the bytes the seal hashes, so `sha256sum` of the extracted file gives the
 * printed hash. jsPDF cannot attach files; @cantoo/pdf-lib (maintained fork of pdf-lib)
 * adds the file as a PDF/A-3 "associated file" (/AF, AFRelationship Source): pdf-a.ts.
 */

export const SEALED_CONTENT_MIME_TYPE = 'application/json';

/** "BI-2026-JD-0042-v1-contenu-signe.json": one name per report version. */
export function sealedContentFileName(report: {
  readonly content: { readonly number: string; readonly version: { readonly number: number } };
}): string {
  return `${report.content.number}-v${report.content.version.number}-contenu-signe.json`;
}

/** The attachment's bytes: the canonical JSON of the signed content, UTF-8. */
export function sealedContentBytes(report: SealedReport): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(canonicalJson(report.content));
}

/**
 * jsPDF's output finished as PDF/A-3b (pdf-a.ts) and, for a sealed report, with the sealed
 * content attached. Every date is the sealing (or issue) instant and jsPDF's file
 * identifier is kept, so a sealed report still renders to the same bytes on any machine.
 */
export async function finishPdf(pdf: Uint8Array, report: Report): Promise<Uint8Array<ArrayBuffer>> {
  if (report.status !== 'sealed') return finishAsPdfA3b(pdf, { instant: report.content.issuedAt });
  return finishAsPdfA3b(pdf, {
    instant: report.seal.sealedAt,
    attachment: {
      bytes: sealedContentBytes(report),
      name: sealedContentFileName(report),
      mimeType: SEALED_CONTENT_MIME_TYPE,
      description: `Contenu signé du bordereau ${report.content.number} (version ${report.content.version.number}) – SHA-256 ${report.seal.hash}`,
      // The content the PDF is a rendering of.
      relationship: AFRelationship.Source,
    },
  });
}
