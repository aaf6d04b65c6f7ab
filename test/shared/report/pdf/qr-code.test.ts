import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode } from 'fast-png';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { loadReportFonts } from '../../../../server/delivery/report-fonts';
import { renderBordereauPdf } from '../../../../shared/report/pdf/render';
import { sealReport } from '../../../../shared/report/seal';
import {
  SEALED_AT,
  sampleDraft,
  sampleSignatures,
  samplePhotoImages,
} from '../../../fixtures/report/sample-report';

/** Every page rasterised by poppler (pdftoppm, 200 dpi), each QR code found read by jsQR. */
function qrCodesOf(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'bordereau-qr-'));
  writeFileSync(join(dir, 'report.pdf'), pdf);
  execFileSync('pdftoppm', ['-r', '200', '-png', join(dir, 'report.pdf'), join(dir, 'page')]);
  const found: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()) {
    const image = decode(readFileSync(join(dir, file)));
    const rgba = new Uint8ClampedArray(image.width * image.height * 4);
    for (let i = 0; i < image.width * image.height; i++) {
      for (let c = 0; c < 3; c++) rgba[i * 4 + c] = image.data[i * image.channels + c]!;
      rgba[i * 4 + 3] = 255;
    }
    const code = jsQR(rgba, image.width, image.height);
    if (code) found.push(code.data);
  }
  return found;
}

describe('the QR code of a sealed bordereau', () => {
  it('decodes to the verification page with the report’s number, version and hash', async () => {
    const report = await sealReport(sampleDraft(), sampleSignatures(), SEALED_AT);
    if (report.status !== 'sealed') throw new Error('sealed expected');
    const pdf = await renderBordereauPdf(report, {
      fonts: loadReportFonts(),
      photos: samplePhotoImages,
      verifyBaseUrl: 'https://bureau.arcelle.fr/',
    });
    expect(qrCodesOf(pdf)).toEqual([
      `https://bureau.arcelle.fr/verifier?n=${report.content.number}&v=1&h=${report.seal.hash}`,
    ]);
  });
});
