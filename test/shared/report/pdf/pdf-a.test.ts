import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReportFonts } from '../../../../server/delivery/report-fonts';
import { canonicalJson } from '../../../../shared/report/canonical-json';
import type { SealedReport } from '../../../../shared/report/model';
import { renderBordereauPdf } from '../../../../shared/report/pdf/render';
import { sealReport } from '../../../../shared/report/seal';
import {
  SEALED_AT,
  completeDraft,
  sampleSignatures,
  samplePhotoImages,
} from '../../../fixtures/report/sample-report';

/**
 * The PDF/A-3b requirements (ISO 19005-3) read back from the file by tools that did not
 * write it: qpdf (structure, objects as JSON, streams decoded), pdf.js (Info dictionary and
 * XMP packet, parsed by its own XML reader). docs/report.md lists what these cover.
 */

const dir = mkdtempSync(join(tmpdir(), 'bordereau-pdfa-'));
let fileCount = 0;

function save(pdf: Uint8Array): string {
  const file = join(dir, `report-${fileCount++}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

interface QpdfObject {
  readonly value?: Json;
  readonly stream?: { readonly dict: Record<string, Json>; readonly data?: string };
}

/** qpdf's JSON (version 2) of the whole file, every stream decoded and inlined. */
function qpdfObjects(file: string): Record<string, QpdfObject> {
  const out = execFileSync(
    'qpdf',
    [
      '--json=2',
      '--json-key=qpdf',
      '--json-stream-data=inline',
      '--decode-level=generalized',
      file,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const [, objects] = (JSON.parse(out) as { qpdf: [unknown, Record<string, QpdfObject>] }).qpdf;
  return objects;
}

/** A dictionary, following "N 0 R" references. */
function dictOf(
  objects: Record<string, QpdfObject>,
  value: Json | undefined,
): Record<string, Json> {
  if (typeof value === 'string' && / 0 R$/.test(value)) {
    const object = objects[`obj:${value}`];
    const resolved = object?.stream?.dict ?? object?.value;
    return dictOf(objects, resolved ?? null);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`dictionary expected, got ${JSON.stringify(value)}`);
  }
  return value;
}

function streamOf(objects: Record<string, QpdfObject>, ref: Json | undefined) {
  const stream = typeof ref === 'string' ? objects[`obj:${ref}`]?.stream : undefined;
  if (!stream) throw new Error(`stream expected at ${JSON.stringify(ref)}`);
  return { dict: stream.dict, bytes: Buffer.from(stream.data ?? '', 'base64') };
}

async function sealed(): Promise<SealedReport> {
  const report = await sealReport(completeDraft(), sampleSignatures(), SEALED_AT);
  if (report.status !== 'sealed') throw new Error('sealed expected');
  return report;
}

let report: SealedReport;
let pdf: Uint8Array;
let file: string;
let objects: Record<string, QpdfObject>;
let catalog: Record<string, Json>;

beforeAll(async () => {
  report = await sealed();
  pdf = await renderBordereauPdf(report, {
    fonts: loadReportFonts(),
    photos: samplePhotoImages,
    verifyBaseUrl: 'https://bureau.arcelle.fr',
  });
  file = save(pdf);
  objects = qpdfObjects(file);
  catalog = dictOf(objects, dictOf(objects, objects.trailer?.value)['/Root']);
});

describe('the bordereau as PDF/A-3b', () => {
  it('has a PDF 1.7 header with a binary comment line and passes qpdf’s check', () => {
    const head = Buffer.from(pdf.subarray(0, 15));
    expect(head.subarray(0, 9).toString('latin1')).toBe('%PDF-1.7\n');
    expect(head[9]).toBe(0x25); // "%"
    expect([...head.subarray(10, 14)].every((byte) => byte > 127)).toBe(true);
    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain('No syntax or stream encoding errors found');
  });

  it('identifies itself as PDF/A-3 level B in an XMP packet that agrees with the Info dictionary', async () => {
    const doc = await getDocument({ data: pdf.slice(), isEvalSupported: false, verbosity: 0 })
      .promise;
    const { info, metadata } = await doc.getMetadata();
    await doc.destroy();
    const infoDict = info as Record<string, string>;
    expect(metadata?.get('pdfaid:part')).toBe('3');
    expect(metadata?.get('pdfaid:conformance')).toBe('B');
    // pdf.js reads a one-entry rdf:Alt as its value, an rdf:Seq as an array.
    expect(metadata?.get('dc:title')).toBe(infoDict.Title);
    expect(infoDict.Title).toBe('Bordereau d’intervention BI-2026-JD-0042');
    expect(metadata?.get('dc:creator')).toEqual([infoDict.Author]);
    expect(metadata?.get('dc:description')).toBe(infoDict.Subject);
    expect(metadata?.get('pdf:keywords')).toBe(infoDict.Keywords);
    expect(infoDict.Keywords).toBe(`SHA-256 ${report.seal.hash}`);
    expect(metadata?.get('xmp:creatortool')).toBe(infoDict.Creator);
    expect(metadata?.get('pdf:producer')).toBe(infoDict.Producer);
    // The sealing instant, in UTC in both places.
    const sealedAt = new Date(report.seal.sealedAt).toISOString().replace('.000', '');
    expect(sealedAt).toBe('2026-11-23T11:51:30Z');
    expect(metadata?.get('xmp:createdate')).toBe(sealedAt);
    expect(metadata?.get('xmp:modifydate')).toBe(sealedAt);
    expect(infoDict.CreationDate).toBe('D:20261123115130Z');
    expect(infoDict.ModDate).toBe('D:20261123115130Z');
  });

  it('keeps its XMP packet unfiltered, as a Metadata stream of the catalog', () => {
    const metadata = streamOf(objects, catalog['/Metadata']);
    expect(metadata.dict['/Type']).toBe('/Metadata');
    expect(metadata.dict['/Subtype']).toBe('/XML');
    expect(metadata.dict['/Filter']).toBeUndefined();
    const xml = metadata.bytes.toString('utf8');
    expect(xml).toMatch(/^<\?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"\?>/);
    expect(xml).toMatch(/<\?xpacket end="w"\?>$/);
  });

  it('declares an sRGB output intent (GTS_PDFA1) with the ICC profile embedded', () => {
    const intents = catalog['/OutputIntents'];
    expect(Array.isArray(intents) && intents.length).toBe(1);
    const intent = dictOf(objects, (intents as Json[])[0]);
    expect(intent['/Type']).toBe('/OutputIntent');
    expect(intent['/S']).toBe('/GTS_PDFA1');
    expect(intent['/OutputConditionIdentifier']).toBe('u:sRGB IEC61966-2.1');
    const profile = streamOf(objects, intent['/DestOutputProfile']);
    expect(profile.dict['/N']).toBe(3);
    // ICC header: the profile's own size, version 2, an RGB display profile, "acsp" signature.
    expect(profile.bytes.readUInt32BE(0)).toBe(profile.bytes.length);
    expect(profile.bytes[8]).toBe(2);
    expect(profile.bytes.subarray(12, 20).toString('latin1')).toBe('mntrRGB ');
    expect(profile.bytes.subarray(36, 40).toString('latin1')).toBe('acsp');
  });

  it('declares the signed content as an associated file: /AF, AFRelationship, MIME type, dates', () => {
    const af = catalog['/AF'];
    expect(Array.isArray(af) && af.length).toBe(1);
    const spec = dictOf(objects, (af as Json[])[0]);
    expect(spec['/Type']).toBe('/Filespec');
    expect(spec['/AFRelationship']).toBe('/Source');
    expect(spec['/F']).toBe('u:BI-2026-JD-0042-v1-contenu-signe.json');
    expect(spec['/UF']).toBe('u:BI-2026-JD-0042-v1-contenu-signe.json');
    const names = dictOf(objects, dictOf(objects, catalog['/Names'])['/EmbeddedFiles'])['/Names'];
    expect(names).toEqual(['u:BI-2026-JD-0042-v1-contenu-signe.json', (af as Json[])[0]]);
    const embedded = streamOf(objects, dictOf(objects, spec['/EF'])['/F']);
    expect(embedded.dict['/Type']).toBe('/EmbeddedFile');
    // qpdf's JSON shows names decoded; in the file the "/" is escaped (PDF 32000 §7.3.5).
    expect(embedded.dict['/Subtype']).toBe('/application/json');
    expect(Buffer.from(pdf).includes('/Subtype /application#2Fjson')).toBe(true);
    const params = dictOf(objects, embedded.dict['/Params']);
    expect(params['/ModDate']).toBe('u:D:20261123115130Z');
    expect(embedded.bytes.toString('utf8')).toBe(canonicalJson(report.content));
  });

  it('embeds every font program, each CIDFont with the Identity collection and glyph map', () => {
    const fonts = Object.values(objects)
      .map((object) => object.value)
      .filter(
        (value): value is Record<string, Json> =>
          value !== null &&
          typeof value === 'object' &&
          !Array.isArray(value) &&
          value['/Type'] === '/Font',
      );
    const composite = fonts.filter((font) => font['/Subtype'] === '/Type0');
    expect(composite.length).toBe(
      fonts.filter((font) => font['/Subtype'] !== '/CIDFontType2').length,
    );
    expect(composite.length).toBeGreaterThan(0);
    for (const font of composite) {
      expect(font['/Encoding']).toBe('/Identity-H');
      expect(font['/ToUnicode']).toBeDefined();
      const descendants = font['/DescendantFonts'] as Json[];
      expect(descendants.length).toBe(1);
      const cidFont = dictOf(objects, descendants[0]);
      expect(cidFont['/Subtype']).toBe('/CIDFontType2');
      expect(cidFont['/CIDToGIDMap']).toBe('/Identity');
      const system = dictOf(objects, cidFont['/CIDSystemInfo']);
      expect(system).toEqual({
        '/Registry': 'u:Adobe',
        '/Ordering': 'u:Identity',
        '/Supplement': 0,
      });
      const descriptor = dictOf(objects, cidFont['/FontDescriptor']);
      expect(streamOf(objects, descriptor['/FontFile2']).bytes.length).toBeGreaterThan(1000);
    }
  });

  it('never draws the .notdef glyph (glyph 0: every character typed is in the font)', () => {
    let shown = 0;
    for (const object of Object.values(objects)) {
      const page = object.value;
      if (page === null || typeof page !== 'object' || Array.isArray(page)) continue;
      if (page['/Type'] !== '/Page') continue;
      const contents = page['/Contents'];
      for (const ref of Array.isArray(contents) ? contents : [contents ?? null]) {
        const content = streamOf(objects, ref).bytes.toString('latin1');
        // Identity-H with CIDToGIDMap /Identity: each 4 hex digits shown is a glyph id.
        for (const [, hex] of content.matchAll(/<([0-9a-fA-F]*)>\s*Tj/g)) {
          const glyphs = (hex ?? '').match(/.{4}/g) ?? [];
          shown += glyphs.length;
          expect(glyphs).not.toContain('0000');
        }
      }
    }
    expect(shown).toBeGreaterThan(1000);
  });

  it('has a file identifier derived from the seal, no encryption, no script, no CMYK colour', () => {
    const trailer = dictOf(objects, objects.trailer?.value);
    const id = `b:${report.seal.hash.slice(0, 32)}`;
    expect(trailer['/ID']).toEqual([id, id]);
    expect(trailer['/Encrypt']).toBeUndefined();
    expect(catalog['/AA']).toBeUndefined();
    expect(dictOf(objects, catalog['/Names'])['/JavaScript']).toBeUndefined();
    for (const [key, object] of Object.entries(objects)) {
      const dict = object.stream?.dict ?? object.value;
      if (dict === null || typeof dict !== 'object' || Array.isArray(dict)) continue;
      expect(dict['/ColorSpace'], key).not.toBe('/DeviceCMYK');
      expect(dict['/Interpolate'], key).not.toBe(true);
      expect(dict['/S'], key).not.toBe('/JavaScript');
      if (dict['/Type'] === '/Page') {
        for (const annotation of (dict['/Annots'] as Json[] | undefined) ?? []) {
          // Every annotation printable (flag 4), as PDF/A requires.
          const flags = dictOf(objects, annotation)['/F'];
          expect(typeof flags === 'number' && (flags & 4) === 4, key).toBe(true);
        }
        const contents = dict['/Contents'];
        for (const ref of Array.isArray(contents) ? contents : [contents ?? null]) {
          const text = streamOf(objects, ref).bytes.toString('latin1');
          expect(text, key).not.toMatch(/(^|\s)(k|K)\s/);
        }
      }
    }
  });
});
