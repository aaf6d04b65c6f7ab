import { PDFDict, PDFDocument, PDFName, PDFString } from '@cantoo/pdf-lib';
import type { AFRelationship } from '@cantoo/pdf-lib';

/**
 * jsPDF's output finished as PDF/A-3b (ISO 19005-3, level B: archival, with attachments).
 * @cantoo/pdf-lib's `convertToPDFA` does the structural part: header version 1.7; the
 * trailer's /ID (jsPDF's, set by each renderer, is kept); an OutputIntent GTS_PDFA1 whose
 * DestOutputProfile is the sRGB IEC61966-2.1 ICC profile it bundles (© 1998
 * Hewlett-Packard, ICC v2, free to copy and embed unchanged; decoded once per process); and
 * an unfiltered XMP metadata stream with `pdfaid:part` 3 and `pdfaid:conformance` B whose
 * dc/xmp/pdf entries it rebuilds from the Info dictionary on every save, so the two always
 * agree. What it needs from the content the renderers ensure: only the embedded DejaVu font
 * (fonts.ts), no encryption, no JavaScript. docs/report.md lists which requirement each test
 * checks.
 */

/** A file carried inside the PDF as a PDF/A-3 "associated file" (/AF). */
export interface AssociatedFile {
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly mimeType: string;
  readonly description: string;
  /** What the file is to the document (PDF 32000-2 §14.13.2). */
  readonly relationship: AFRelationship;
}

export interface PdfAOptions {
  /** The document's creation and modification date (ms): the seal or issue instant. */
  readonly instant: number;
  readonly attachment?: AssociatedFile;
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
 * `pdf` (jsPDF's bytes) as PDF/A-3b: the font's character collection fixed, `attachment`
 * attached, both dates set to `instant`. Deterministic: no random identifier, every date is
 * `instant` (in UTC, in the Info dictionary as in the XMP: the same on any machine), so a
 * sealed document renders to the same bytes every time.
 */
export async function finishAsPdfA3b(
  pdf: Uint8Array,
  options: PdfAOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  fixCidSystemInfo(doc);
  const instant = new Date(options.instant);
  const { attachment } = options;
  if (attachment) {
    await doc.attach(attachment.bytes, attachment.name, {
      mimeType: attachment.mimeType,
      description: attachment.description,
      creationDate: instant,
      modificationDate: instant,
      afRelationship: attachment.relationship,
    });
  }
  // pdf-lib adds no date of its own with updateMetadata off.
  doc.setCreationDate(instant);
  doc.setModificationDate(instant);
  doc.convertToPDFA({ conformance: '3B' });
  return new Uint8Array(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
}
