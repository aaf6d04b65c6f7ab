import type { PDFDocument } from '@cantoo/pdf-lib';

/**
 * PDF/A-3b (ISO 19005-3, level B: archival, with attachments). @cantoo/pdf-lib's
 * `convertToPDFA` does the structural part: header version 1.7; the trailer's /ID (jsPDF's,
 * derived from the seal hash, is kept); an OutputIntent GTS_PDFA1 whose DestOutputProfile is
 * the sRGB IEC61966-2.1 ICC profile it bundles (© 1998 Hewlett-Packard, ICC v2, free to copy
 * and embed unchanged; decoded once per process); and an unfiltered XMP metadata stream with
 * `pdfaid:part` 3 and `pdfaid:conformance` B whose dc/xmp/pdf entries it rebuilds from the
 * Info dictionary on every save, so the two always agree. Everything it needs from the
 * content is ensured by the renderer: only the embedded DejaVu font (fonts.ts), its
 * character collection fixed (sealed-attachment.ts), no encryption, no JavaScript, the
 * attached content declared as an associated file. docs/report.md lists which requirement
 * each test checks.
 *
 * Deterministic: no random identifier, and every date comes from the Info dictionary.
 */
export function makePdfA3b(doc: PDFDocument): void {
  doc.convertToPDFA({ conformance: '3B' });
}
