import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import type { ReportContent } from '../../../shared/report/model';
import {
  FOOTER_RULE_Y,
  MARGIN_X,
  PAGE_HEIGHT,
  PAGE_WIDTH,
} from '../../../shared/report/pdf/page-layout';
import { renderBordereauPdf } from '../../../shared/report/pdf/render';
import { loadReportFonts } from '../../../server/delivery/report-fonts';
const fonts = loadReportFonts();
import { editReport, sealReport } from '../../../shared/report/seal';
import {
  ARRIVAL,
  SEALED_AT,
  sampleDraft,
  sampleSignatures,
  samplePhotoImages,
} from '../../fixtures/report/sample-report';

const PT = 25.4 / 72;
/** pdf.js measures the standard 14 fonts (Helvetica) from these files. */
const STANDARD_FONTS = fileURLToPath(
  new URL('../../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url),
);
const HEADER_RULE_Y = 29;

interface PlacedText {
  readonly page: number;
  readonly text: string;
  /** mm from the left edge */
  readonly left: number;
  readonly right: number;
  /** baseline, mm from the top edge */
  readonly baseline: number;
}

/** Every text run of the PDF with its position, as pdf.js lays it out. */
async function placedText(pdf: Uint8Array): Promise<{ pages: number; items: PlacedText[] }> {
  const doc = await getDocument({
    data: pdf.slice(),
    standardFontDataUrl: STANDARD_FONTS,
    isEvalSupported: false,
  }).promise;
  const items: PlacedText[] = [];
  for (let page = 1; page <= doc.numPages; page++) {
    const content = await (await doc.getPage(page)).getTextContent();
    for (const item of content.items as TextItem[]) {
      if (item.str.trim() === '') continue;
      const [, , , , x = 0, y = 0] = item.transform as number[];
      items.push({
        page,
        text: item.str,
        left: x * PT,
        right: (x + item.width) * PT,
        baseline: PAGE_HEIGHT - y * PT,
      });
    }
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, items };
}

/** A report far longer than the sample: long texts, many rows, many photos. */
function longContent(c: ReportContent): ReportContent {
  const paragraph =
    'Contrôle approfondi des journaux d’événements, des tâches planifiées et des services ; ' +
    'relevé des versions et des correctifs appliqués, vérification des droits d’accès aux partages. ';
  return {
    ...c,
    work: {
      description: Array.from({ length: 14 }, (_, i) => `${i + 1}. ${paragraph.repeat(3)}`).join(
        '\n\n',
      ),
      checklist: Array.from({ length: 30 }, (_, i) => ({
        label: `Point de contrôle n° ${i + 1} : ${paragraph}`,
        done: i % 4 !== 0,
      })),
    },
    equipment: Array.from({ length: 45 }, (_, i) => ({
      ...c.equipment[i % c.equipment.length]!,
      label: `Poste de travail n° ${i + 1} – ${i % 3 === 0 ? 'comptabilité, bureau du fond à gauche' : 'accueil'}`,
    })),
    recommendations: paragraph.repeat(12),
    clientRemarks: paragraph.repeat(6),
    photos: Array.from({ length: 5 }, (_, i) => ({
      ...c.photos[i % 2]!,
      caption: `Photo ${i + 1}`,
      takenAt: ARRIVAL + i * 60_000,
    })),
  };
}

describe('bordereau layout', () => {
  it('keeps every line of a long report inside the page, clear of the header and footer', async () => {
    const draft = editReport(sampleDraft(), longContent);
    const sealed = await sealReport(draft, sampleSignatures(), SEALED_AT);
    const { pages, items } = await placedText(
      await renderBordereauPdf(sealed, { fonts, photos: samplePhotoImages }),
    );
    expect(pages).toBeGreaterThanOrEqual(8);
    for (const item of items) {
      const where = `page ${item.page}: « ${item.text} »`;
      expect(item.left, where).toBeGreaterThanOrEqual(MARGIN_X - 0.5);
      expect(item.right, where).toBeLessThanOrEqual(PAGE_WIDTH - MARGIN_X + 0.5);
      if (item.baseline > FOOTER_RULE_Y) {
        expect(item.text, where).toMatch(
          /^(Arcelle Infogérance ·|Empreinte SHA-256 :|Page \d+ \/ \d+$)/,
        );
      } else if (item.baseline < HEADER_RULE_Y) {
        expect(item.text, where).toMatch(
          /^(Bordereau d’intervention|N° BI-2026-JD-0042|Date : 23\/11\/2026)$/,
        );
      }
    }
    // each page has its own footer with the right total
    for (let page = 1; page <= pages; page++) {
      expect(items.some((i) => i.page === page && i.text === `Page ${page} / ${pages}`)).toBe(true);
    }
    // the table header row is repeated on every page the equipment table spans
    expect(
      new Set(items.filter((i) => i.text === 'N° d’inventaire').map((i) => i.page)).size,
    ).toBeGreaterThan(1);
  });
});
