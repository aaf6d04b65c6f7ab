import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { loadReportFonts } from '../../../../server/delivery/report-fonts';
import { FontSubsetWriter } from '../../../../shared/report/pdf/font-subset';
import type { ParsedTrueType } from '../../../../shared/report/pdf/font-subset';
import { renderBordereauPdf } from '../../../../shared/report/pdf/render';
import { sealReport } from '../../../../shared/report/seal';
import {
  SEALED_AT,
  sampleDraft,
  sampleSignatures,
  samplePhotoImages,
} from '../../../fixtures/report/sample-report';

const fonts = loadReportFonts();

/** jsPDF's own parser and subsetter, for the reference bytes. */
interface JsPdfTtf extends ParsedTrueType {
  readonly subset: { encode(ids: number[], indexToLocFormat: number): number[] };
  characterToGlyph(code: number): number;
}
const TTFFont = (jsPDF as unknown as { API: { TTFFont: { open(b: Uint8Array): JsPdfTtf } } }).API
  .TTFFont;

const open = (base64: string): JsPdfTtf =>
  TTFFont.open(new Uint8Array(Buffer.from(base64, 'base64')));

describe('FontSubsetWriter', () => {
  it('writes the same TrueType bytes as jsPDF’s subsetter, for each style and glyph set', () => {
    const text = 'Bordereau d’intervention → « œuvre » 2ᵉ 1 234,56 € ÉÀÇ';
    for (const base64 of [fonts.regular, fonts.bold, fonts.italic]) {
      const font = open(base64);
      const writer = new FontSubsetWriter(font);
      const used = [0, ...[...text].map((c) => font.characterToGlyph(c.codePointAt(0)!))];
      for (const ids of [[0], used, [...used, ...used.slice(3)]]) {
        const ours = writer.encode(ids);
        const theirs = Uint8Array.from(font.subset.encode(ids, 1));
        expect(ours.length).toBe(theirs.length);
        expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
      }
    }
  });

  it('keeps documents apart: a second report embeds only its own glyphs', async () => {
    // "Ω" is in no text of the sample; a document using it must not leak it into the next
    const draft = sampleDraft();
    const withOmega = await sealReport(
      { ...draft, content: { ...draft.content, recommendations: 'Résistance 10 kΩ remplacée.' } },
      sampleSignatures(),
      SEALED_AT,
    );
    const plain = await sealReport(draft, sampleSignatures(), SEALED_AT);
    const first = await renderBordereauPdf(plain, { fonts, photos: samplePhotoImages });
    await renderBordereauPdf(withOmega, { fonts, photos: samplePhotoImages });
    const again = await renderBordereauPdf(plain, { fonts, photos: samplePhotoImages });
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
  });
});
