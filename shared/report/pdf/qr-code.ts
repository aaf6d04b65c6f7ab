import type { jsPDF } from 'jspdf';
import qrcode from 'qrcode-generator';

/**
 * A QR code drawn as vector squares (qrcode-generator computes the modules): sharp at any
 * print size, no image to embed, same bytes on every machine. Error correction 'M' survives
 * a crease or a smudge on a printed copy.
 */
export function drawQrCode(doc: jsPDF, text: string, x: number, y: number, size: number): void {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  // a quiet zone of 2 modules on each side, inside `size`
  const module = size / (count + 4);
  doc.setFillColor(255, 255, 255);
  doc.rect(x, y, size, size, 'F');
  doc.setFillColor(0, 0, 0);
  for (let row = 0; row < count; row++) {
    // consecutive dark modules of a row are drawn as one rectangle (fewer operators)
    let start = -1;
    for (let col = 0; col <= count; col++) {
      const dark = col < count && qr.isDark(row, col);
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        doc.rect(
          x + (start + 2) * module,
          y + (row + 2) * module,
          (col - start) * module,
          module,
          'F',
        );
        start = -1;
      }
    }
  }
}

/**
 * The office server's public verification page for this report version: the QR code's
 * target. Number, version and hash only: the page confirms or not, and reveals nothing else.
 */
export function verificationUrl(
  baseUrl: string,
  report: { readonly number: string; readonly version: number; readonly hash: string },
): string {
  const base = baseUrl.replace(/\/+$/, '');
  const query = [
    ['n', report.number],
    ['v', String(report.version)],
    ['h', report.hash],
  ]
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return `${base}/verifier?${query}`;
}
