import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../shared/report/canonical-json';
import { reportContentSchema } from '../../../../shared/report/model';
import { renderBordereauPdf } from '../../../../shared/report/pdf/render';
import { sealReport } from '../../../../shared/report/seal';
import { loadReportFonts } from '../../../../server/delivery/report-fonts';
import {
  ARRIVAL,
  SEALED_AT,
  SIGNED_AT,
  images,
  sampleDraft,
  sampleSignatures,
  samplePhotoImages,
} from '../../../fixtures/report/sample-report';

const MINUTE = 60_000;
const fonts = loadReportFonts();

function pdfText(pdf: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'bordereau-team-')), 'report.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
  });
  return text.replace(/[ \t]+/g, ' ');
}

describe('several technicians on the bordereau', () => {
  it('prints both names, the second one’s times and billed time, and both signatures', async () => {
    const draft = sampleDraft();
    const withTeam = {
      ...draft,
      content: reportContentSchema.parse({
        ...draft.content,
        team: [
          {
            name: 'Sophie Martin',
            arrivalAt: ARRIVAL + 30 * MINUTE,
            departureAt: ARRIVAL + 120 * MINUTE,
            pauses: [],
            workedMinutes: 90,
            billedMinutes: 120,
            ladderStepLabel: 'Forfait 2\u00a0h',
            signature: { signedAt: SIGNED_AT, imagePngDataUrl: images.technicianSignature },
          },
        ],
      }),
    };
    const report = await sealReport(withTeam, sampleSignatures(), SEALED_AT);
    const text = pdfText(await renderBordereauPdf(report, { fonts, photos: samplePhotoImages }));
    expect(text).toContain('AUTRES TECHNICIENS PRÉSENTS');
    expect(text).toContain('Sophie Martin');
    expect(text).toContain('Julien Durand');
    const section = text.slice(text.indexOf('AUTRES TECHNICIENS PRÉSENTS'));
    expect(section).toMatch(/Temps travaillé[\s\S]*1\u00a0h\u00a030|Temps travaillé[\s\S]*1 h 30/);
    expect(section).toMatch(/Forfait 2(\u00a0| )h/);
    expect(text).toMatch(/Signature de Sophie Martin, le \d\d\/\d\d\/2026 à \d\d:\d\d/);
  });

  it('a report of one technician has no team in its sealed content, so its seal is unchanged', async () => {
    const draft = sampleDraft();
    expect('team' in draft.content).toBe(false);
    expect(canonicalJson(reportContentSchema.parse(draft.content))).toBe(
      canonicalJson(draft.content),
    );
    const text = pdfText(
      await renderBordereauPdf(await sealReport(draft, sampleSignatures(), SEALED_AT), {
        fonts,
        photos: samplePhotoImages,
      }),
    );
    expect(text).not.toContain('AUTRES TECHNICIENS');
  });
});
