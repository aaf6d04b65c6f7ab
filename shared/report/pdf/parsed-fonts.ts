import { jsPDF } from 'jspdf';
import { FontSubsetWriter } from './font-subset';
import type { ParsedTrueType } from './font-subset';

/**
 * The embedded font, parsed once per process. jsPDF parses a TrueType file every time a
 * document registers it (about 12 ms per style, three styles per bordereau) and keeps
 * per-document state on the parsed object (glyphs used, widths, ToUnicode map). Here each
 * file is parsed once, keyed by its bytes (base64), and every document gets a fresh view of
 * it: an object whose prototype is the parsed font, with its own per-document state, so
 * documents never see each other's glyphs. Only a few distinct files ever come in (the
 * three styles), so the cache is not bounded.
 */

/** jsPDF's TTFFont as the pdf code reads it (not in jsPDF's type definitions). */
interface TtfFontApi {
  open(file: Uint8Array): ParsedTrueType;
}

const ttfFont = (): TtfFontApi =>
  (jsPDF as unknown as { readonly API: { TTFFont: TtfFontApi } }).API.TTFFont;

interface CachedFont {
  readonly font: ParsedTrueType;
  readonly writer: FontSubsetWriter;
}

const cache = new Map<string, CachedFont>();

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function cachedFont(base64: string): CachedFont {
  let entry = cache.get(base64);
  if (!entry) {
    const font = ttfFont().open(base64ToBytes(base64));
    entry = { font, writer: new FontSubsetWriter(font) };
    cache.set(base64, entry);
  }
  return entry;
}

/** A per-document view of the parsed font (what jsPDF keeps as the font's `metadata`). */
function documentView(base64: string): ParsedTrueType {
  const { font, writer } = cachedFont(base64);
  return Object.assign(Object.create(font) as ParsedTrueType, {
    // jsPDF's text function checks `metadata.hasOwnProperty('cmap')` before drawing any
    // character outside Latin-1: an inherited cmap would drop "→", "’", "ᵉ"…
    cmap: font.cmap,
    Unicode: { encoding: {}, kerning: {}, widths: [] },
    toUnicode: {},
    glyIdsUsed: [0],
    subset: { encode: (ids: ReadonlyArray<number | string>) => writer.encode(ids) },
  });
}

/**
 * `doc.addFont` for a TrueType file in base64, without parsing it again: jsPDF's font
 * loader (its "addFont" event) reads the file from its virtual file system and calls
 * `TTFFont.open`; for the length of this synchronous call, `open` returns the cached font's
 * view and the virtual file is empty.
 */
export function addParsedFont(
  doc: jsPDF,
  fileName: string,
  base64: string,
  family: string,
  style: string,
): void {
  const api = ttfFont();
  const view = documentView(base64);
  const open = api.open;
  api.open = () => view;
  try {
    doc.addFileToVFS(fileName, '');
    doc.addFont(fileName, family, style, undefined, 'Identity-H');
  } finally {
    api.open = open;
  }
}
