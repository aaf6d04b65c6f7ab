import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AFRelationship, PDFDocument } from '@cantoo/pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/report/canonical-json';
import type { SealedReport } from '../../shared/report/model';
import { renderBordereauPdf } from '../../shared/report/pdf/render';
import { sealedContentFileName } from '../../shared/report/pdf/sealed-attachment';
import { sealReport } from '../../shared/report/seal';
import { verifyReportPdf } from '../../scripts/report-verify';
import { loadReportFonts } from '../../server/delivery/report-fonts';
import {
  completeDraft,
  SEALED_AT,
  sampleSignatures,
  samplePhotoImages,
} from '../fixtures/report/sample-report';

const dir = mkdtempSync(join(tmpdir(), 'bordereau-verify-'));
let report: SealedReport;
let pdf: Uint8Array;

beforeAll(async () => {
  const sealed = await sealReport(completeDraft(), sampleSignatures(), SEALED_AT);
  if (sealed.status !== 'sealed') throw new Error('sealed expected');
  report = sealed;
  pdf = await renderBordereauPdf(report, { fonts: loadReportFonts(), photos: samplePhotoImages });
});

/** The same PDF with its attached signed content replaced by `bytes` (as a forger would). */
async function withAttachment(bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const name = sealedContentFileName(report);
  doc.detach(name);
  await doc.attach(bytes, name, {
    mimeType: 'application/json',
    afRelationship: AFRelationship.Source,
  });
  return doc.save({ useObjectStreams: false });
}

describe('npm run report:verify', () => {
  it('says OK for the PDF as signed, from the command line', () => {
    const file = join(dir, 'signed.pdf');
    writeFileSync(file, pdf);
    const out = execFileSync('npx', ['tsx', 'scripts/report-verify.ts', file], {
      encoding: 'utf8',
    });
    expect(out).toContain('Bordereau BI-2026-JD-0042, version 1');
    expect(out).toContain(`Empreinte SHA-256 recalculée du contenu joint : ${report.seal.hash}`);
    expect(out).toContain('OK : le contenu signé joint correspond à l’empreinte imprimée.');
  });

  it('reports a tampered attachment (the client’s remarks rewritten and the JSON re-attached)', async () => {
    const forged = canonicalJson({
      ...report.content,
      clientRemarks: 'Intervention non conforme.',
    });
    const result = await verifyReportPdf(await withAttachment(new TextEncoder().encode(forged)));
    expect(result.ok).toBe(false);
    expect(result.lines.join('\n')).toContain(
      `L’empreinte imprimée (${report.seal.hash}) ne correspond pas au contenu joint`,
    );
  });

  it('reports a single byte changed in the attached content', async () => {
    const bytes = new TextEncoder().encode(canonicalJson(report.content));
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    const result = await verifyReportPdf(await withAttachment(bytes));
    expect(result.ok).toBe(false);
    expect(result.lines.join('\n')).toContain('ne correspond pas au contenu joint');
  });

  it('reports a byte changed in the PDF file itself, exit code 1', () => {
    const damaged = pdf.slice();
    const text = Buffer.from(damaged).toString('latin1');
    const stream = text.indexOf('stream', text.indexOf('/Type /EmbeddedFile'));
    const at = stream + 'stream\n'.length + 200;
    damaged[at] = (damaged[at] ?? 0) ^ 0xff;
    const file = join(dir, 'damaged.pdf');
    writeFileSync(file, damaged);
    const run = spawnSync('npx', ['tsx', 'scripts/report-verify.ts', file], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('OK :');
  });

  it('says a PDF without attached content is not a sealed bordereau', async () => {
    const draft = await renderBordereauPdf(completeDraft(), {
      fonts: loadReportFonts(),
      photos: samplePhotoImages,
    });
    const result = await verifyReportPdf(draft);
    expect(result).toEqual({
      ok: false,
      lines: [
        'Aucun contenu signé joint à ce PDF : ce n’est pas un bordereau scellé (ou il a été retiré).',
      ],
    });
  });
});
