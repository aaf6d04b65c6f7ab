import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vatCentsFor } from '../../../../shared/report/model';
import { renderBordereauPdf } from '../../../../shared/report/pdf/render';
import { loadReportFonts } from '../../../../server/delivery/report-fonts';
import { editReport, sealReport } from '../../../../shared/report/seal';
import {
  SEALED_AT,
  sampleDraft,
  sampleSignatures,
  samplePhotoImages,
} from '../../../fixtures/report/sample-report';

function pdfText(pdf: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'bordereau-billing-')), 'report.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
  });
  return text.replace(/[ \t]+/g, ' ');
}

describe('the billing section explains each line', () => {
  it('prints units × unit price, step, article and rounding, the quote and what the office must check', async () => {
    const lines = [
      {
        label: 'Intervention sur site — 1 h 30 — incident inclus dans l’abonnement',
        htCents: 0,
      },
      {
        label: 'Prestation complémentaire — Imprimante — Forfait 2 h',
        unitHtCents: 6_501,
        timeMinutes: 120,
        htCents: 13_100,
        detail:
          '45 min relevées, palier Forfait 2 h (002 art. IV.2.2) : 2 h × 65,01 €/h = 130,02 € ; arrondi à l’euro supérieur : 131,00 € (002 art. IV.2.2)',
      },
      { label: 'Disque', quantity: 1, unitHtCents: 8_990, htCents: 8_990, detail: '1 × 89,90 €' },
    ];
    const ht = 13_100 + 8_990;
    const draft = editReport(sampleDraft(), (c) => ({
      ...c,
      billing: {
        kind: 'billed',
        lines,
        totalHtCents: ht,
        vatRateBasisPoints: 2_000,
        vatCents: vatCentsFor(ht, 2_000),
        totalTtcCents: ht + vatCentsFor(ht, 2_000),
        hourBank: null,
        flags: ['complementary-without-quote'],
        quoteNumbers: ['DV-JD-2026-0001'],
      },
    }));
    const report = await sealReport(draft, sampleSignatures(), SEALED_AT);
    const text = pdfText(
      await renderBordereauPdf(report, { fonts: loadReportFonts(), photos: samplePhotoImages }),
    );
    // The time line: billed time, hourly rate, amount; then how it was reached.
    expect(text).toMatch(/Forfait 2 h 2\s?h 65,01 € 131,00 €/);
    expect(text).toContain('2 h × 65,01 €/h = 130,02 € ; arrondi');
    expect(text).toContain('à l’euro supérieur : 131,00 € (002 art. IV.2.2)');
    // The part stays exact: no rounding clause on parts.
    expect(text).toContain('Disque 1 89,90 € 89,90 €');
    expect(text).not.toContain('90,00 €');
    expect(text).toContain('sur devis accepté : DV-JD-2026-0001.');
    expect(text).toContain('sans devis accepté au préalable');
  });
});
