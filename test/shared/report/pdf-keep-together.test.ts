import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import type { ReportContent } from '../../../shared/report/model';
import { vatCentsFor } from '../../../shared/report/model';
import { renderBordereauPdf } from '../../../shared/report/pdf/render';
import { loadReportFonts } from '../../../server/delivery/report-fonts';
const fonts = loadReportFonts();
import { editReport, sealReport } from '../../../shared/report/seal';
import {
  SEALED_AT,
  sampleDraft,
  sampleSignatures,
  samplePhotoImages,
} from '../../fixtures/report/sample-report';

const STANDARD_FONTS = fileURLToPath(
  new URL('../../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url),
);

interface PageText {
  readonly page: number;
  readonly text: string;
}

async function textByPage(pdf: Uint8Array): Promise<PageText[]> {
  const doc = await getDocument({
    data: pdf.slice(),
    standardFontDataUrl: STANDARD_FONTS,
    isEvalSupported: false,
  }).promise;
  const items: PageText[] = [];
  for (let page = 1; page <= doc.numPages; page++) {
    const content = await (await doc.getPage(page)).getTextContent();
    for (const item of content.items as TextItem[]) {
      if (item.str.trim() !== '') items.push({ page, text: item.str });
    }
  }
  await doc.destroy();
  return items;
}

/** The pages on which a text run starting with `prefix` appears. */
function pagesOf(items: readonly PageText[], prefix: string): number[] {
  return [...new Set(items.filter((i) => i.text.startsWith(prefix)).map((i) => i.page))];
}

function pagesOfExact(items: readonly PageText[], text: string): number[] {
  return [...new Set(items.filter((i) => i.text === text).map((i) => i.page))];
}

/** Long enough to wrap the seal sentence under the signatures onto a second line. */
const LONG_NAME = 'Jean-Baptiste Marie-Amédée de La Tour d’Auvergne-Lauraguais';

function signatures() {
  const s = sampleSignatures();
  return { ...s, technician: { ...s.technician, name: LONG_NAME } };
}

/**
 * The sample with `padding` one-line recommendations: each line pushes everything after it
 * down by one body line (about 4 mm), so a sweep over a page's worth of paddings puts the
 * billing table and the signatures across every possible position of the page break.
 */
function padded(padding: number) {
  return (c: ReportContent): ReportContent => ({
    ...c,
    recommendations: Array.from({ length: padding }, (_, i) => `Recommandation ${i + 1}.`).join(
      '\n',
    ),
    photos: [],
    technician: { ...c.technician, name: LONG_NAME },
    billing: {
      kind: 'billed',
      // labels printed nowhere else in the report, so their page is the table's
      lines: [1, 2, 3].map((n) => ({
        label: `Ligne facturée ${n}`,
        quantity: 1,
        unitHtCents: 10_000,
        htCents: 10_000,
      })),
      totalHtCents: 30_000,
      vatRateBasisPoints: 2_000,
      vatCents: 6_000,
      totalTtcCents: 36_000,
      hourBank: null,
    },
  });
}

const BILLING_LABELS = [
  'FACTURATION',
  'P.U. HT',
  'Ligne facturée 1',
  'Ligne facturée 2',
  'Ligne facturée 3',
  'Total HT',
  'TVA 20',
  'Total TTC',
];
const SIGNATURE_LABELS = [
  'SIGNATURES',
  'POUR LE CLIENT',
  'LE TECHNICIEN',
  'Scellé le',
  'Empreinte SHA-256 du contenu signé',
];

describe('bordereau page breaks', () => {
  it('never splits the billing table or the signatures block, wherever the page break falls', async () => {
    const split: string[] = [];
    for (let padding = 0; padding <= 64; padding++) {
      const sealed = await sealReport(
        editReport(sampleDraft(), padded(padding)),
        signatures(),
        SEALED_AT,
      );
      const items = await textByPage(
        await renderBordereauPdf(sealed, { fonts, photos: samplePhotoImages }),
      );
      for (const [block, labels] of [
        ['facturation', BILLING_LABELS],
        ['signatures', SIGNATURE_LABELS],
      ] as const) {
        const pages = labels.map((label) => pagesOf(items, label));
        for (const [i, found] of pages.entries()) {
          expect(found.length, `${labels[i]} (marge ${padding})`).toBeGreaterThan(0);
        }
        if (new Set(pages.flat()).size !== 1) {
          split.push(`${block} coupé avec ${padding} lignes : pages ${pages.flat().join(', ')}`);
        }
      }
    }
    expect(split).toEqual([]);
  }, 120_000);

  it('lets a table longer than a page break, but keeps rows with the totals on the last page', async () => {
    const lines = Array.from({ length: 90 }, (_, i) => ({
      label: `Fourniture n° ${i + 1}`,
      quantity: 1,
      unitHtCents: 1_000,
      htCents: 1_000,
    }));
    const totalHtCents = 90_000;
    for (let padding = 0; padding <= 64; padding += 3) {
      const sealed = await sealReport(
        editReport(sampleDraft(), (c) => ({
          ...padded(padding)(c),
          // overrides the padded fixture's short table
          billing: {
            kind: 'billed',
            lines,
            totalHtCents,
            vatRateBasisPoints: 2_000,
            vatCents: vatCentsFor(totalHtCents, 2_000),
            totalTtcCents: totalHtCents + vatCentsFor(totalHtCents, 2_000),
            hourBank: null,
          },
        })),
        signatures(),
        SEALED_AT,
      );
      const items = await textByPage(
        await renderBordereauPdf(sealed, { fonts, photos: samplePhotoImages }),
      );
      const tablePages = pagesOf(items, 'Fourniture n° ');
      expect(tablePages.length, `marge ${padding}`).toBeGreaterThan(1);
      const [totalsPage] = pagesOf(items, 'Total TTC');
      expect(pagesOf(items, 'Total HT'), `marge ${padding}`).toEqual([totalsPage]);
      expect(pagesOfExact(items, 'Fourniture n° 90'), `marge ${padding}`).toEqual([totalsPage]);
      // the table starts right after the previous section instead of leaving a blank page end
      expect(pagesOf(items, 'FACTURATION'), `marge ${padding}`).toEqual(
        pagesOfExact(items, 'Fourniture n° 1'),
      );
    }
  }, 120_000);
});
