import { AFRelationship, PDFDict, PDFDocument, PDFName, PDFString } from '@cantoo/pdf-lib';
import { canonicalJson } from '../canonical-json';
import type { Report, SealedReport } from '../model';
import { makePdfA3b } from './pdf-a';

/**
 * The sealed content travels inside the client's PDF, so the printed hash can be checked by
 * anyone, offline, without our software: the attachment is exactly `canonicalJson(content)`
 * in UTF-8, the bytes the seal hashes, so `sha256sum` of the extracted file gives the
 * printed hash. jsPDF cannot attach files; @cantoo/pdf-lib (maintained fork of pdf-lib)
 * adds the file as a PDF/A-3 "associated file" (/AF, AFRelationship Source).
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
 * jsPDF writes the CIDFont's /CIDSystemInfo with /Ordering (Identity-H), the name of the
 * encoding; the character collection is "Identity" (PDF 32000 §9.7.3), and poppler and PDF/A
 * validators reject the former.
 */
function fixCidSystemInfo(doc: PDFDocument): void {
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const info = object.lookupMaybe(PDFName.of('CIDSystemInfo'), PDFDict);
    const ordering = info?.lookupMaybe(PDFName.of('Ordering'), PDFString);
    if (info && ordering?.decodeText() === 'Identity-H') {
      info.set(PDFName.of('Ordering'), PDFString.of('Identity'));
    }
  }
}

/**
 * jsPDF's output finished with pdf-lib: the font's character collection fixed and, for a
 * sealed report, the sealed content attached. Deterministic: every date is the sealing (or
 * issue) instant and jsPDF's file identifier is kept, so a sealed report still renders to
 * the same bytes on any machine.
 */
export async function finishPdf(pdf: Uint8Array, report: Report): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  fixCidSystemInfo(doc);
  const instant = new Date(
    report.status === 'sealed' ? report.seal.sealedAt : report.content.issuedAt,
  );
  if (report.status === 'sealed') {
    await doc.attach(sealedContentBytes(report), sealedContentFileName(report), {
      mimeType: SEALED_CONTENT_MIME_TYPE,
      description: `Contenu signé du bordereau ${report.content.number} (version ${report.content.version.number}) – SHA-256 ${report.seal.hash}`,
      creationDate: instant,
      modificationDate: instant,
      afRelationship: AFRelationship.Source,
    });
  }
  // pdf-lib adds no date of its own with updateMetadata off. Both dates are the same instant,
  // written in UTC like the XMP copy pdf-lib derives from them (pdf-a.ts): the same on any
  // machine, and the Info dictionary and the XMP then agree character for character.
  doc.setCreationDate(instant);
  doc.setModificationDate(instant);
  makePdfA3b(doc);
  return new Uint8Array(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
}
