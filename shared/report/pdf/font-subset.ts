/**
 * The embedded font's subset, written fast. jsPDF keeps every glyph id (its CIDFont maps
 * CIDs to glyph ids one to one) and embeds the whole TrueType file with only the used glyphs'
 * outlines left in `glyf`; but its writer copies each table byte by byte through plain JS
 * arrays (about 40 ms per style and document, most of a bordereau's time). This writes the
 * same bytes (test/shared/report/pdf/font-subset.test.ts compares them with jsPDF's
 * `Subset.encode`) from typed arrays, with the tables that never change (cmap, hmtx, hhea,
 * maxp, post, name, OS/2) and their checksums computed once per font. Hand-written because
 * it must match jsPDF's own output: a general subsetter (fontkit, hb-subset) renumbers
 * glyphs and would not fit jsPDF's font objects.
 */

/** The parts of jsPDF's parsed TTFFont (`jsPDF.API.TTFFont`) the subset is made of. */
export interface ParsedTrueType {
  readonly rawData: Uint8Array;
  readonly directory: { readonly scalarType: number };
  readonly loca: { readonly offsets: ArrayLike<number> };
  readonly glyf: {
    readonly offset: number;
    glyphFor(id: number): { readonly compound?: boolean; readonly glyphIDs?: number[] } | null;
  };
  readonly head: { encode(indexToLocFormat: number): ArrayLike<number> };
  readonly os2: TableRaw;
  readonly cmap: TableRaw;
  readonly hmtx: TableRaw;
  readonly hhea: TableRaw;
  readonly maxp: TableRaw;
  readonly post: TableRaw;
  readonly name: TableRaw;
}

interface TableRaw {
  readonly exists: boolean;
  readonly offset: number;
  readonly length: number;
}

/** The order jsPDF writes the tables in (its Subset.encode). */
const TABLE_ORDER = [
  'cmap',
  'glyf',
  'loca',
  'hmtx',
  'hhea',
  'maxp',
  'post',
  'name',
  'head',
  'OS/2',
] as const;
type Tag = (typeof TABLE_ORDER)[number];

/** TrueType table checksum: the sum of big-endian uint32 words, zero-padded, modulo 2³². */
function checksum(bytes: Uint8Array): number {
  let sum = 0;
  const whole = bytes.length - (bytes.length % 4);
  for (let i = 0; i < whole; i += 4) {
    sum =
      (sum + ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!)) >>>
      0;
  }
  if (whole < bytes.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (bytes[i] ?? 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

interface StaticTable {
  readonly bytes: Uint8Array;
  readonly checksum: number;
}

/** A font's subset writer: the unchanging tables are read once. */
export class FontSubsetWriter {
  private readonly statics = new Map<Tag, StaticTable>();

  constructor(private readonly font: ParsedTrueType) {
    const raw = (table: TableRaw): StaticTable | null => {
      if (!table.exists) return null;
      const bytes = font.rawData.slice(table.offset, table.offset + table.length);
      return { bytes, checksum: checksum(bytes) };
    };
    const tables: ReadonlyArray<readonly [Tag, TableRaw]> = [
      ['cmap', font.cmap],
      ['hmtx', font.hmtx],
      ['hhea', font.hhea],
      ['maxp', font.maxp],
      ['post', font.post],
      ['name', font.name],
      ['OS/2', font.os2],
    ];
    for (const [tag, table] of tables) {
      const read = raw(table);
      if (read) this.statics.set(tag, read);
    }
  }

  /** The used glyphs and the components of the compound ones, ascending, with glyph 0. */
  private glyphIds(used: ReadonlyArray<number | string>): number[] {
    const ids = new Set<number>();
    const pending = [0, ...used.map(Number)];
    while (pending.length > 0) {
      const id = pending.pop()!;
      if (ids.has(id)) continue;
      ids.add(id);
      const glyph = this.font.glyf.glyphFor(id);
      if (glyph?.compound && glyph.glyphIDs) pending.push(...glyph.glyphIDs);
    }
    return [...ids].sort((a, b) => a - b);
  }

  /** The TrueType file jsPDF embeds for these glyph ids (long loca offsets). */
  encode(used: ReadonlyArray<number | string>): Uint8Array {
    const { font } = this;
    const ids = this.glyphIds(used);
    const offsets = font.loca.offsets;
    const glyphCount = offsets.length;
    const glyfStart = font.glyf.offset;
    // glyf: the used outlines in ascending id order; loca: every id, empty for unused ones
    let glyfLength = 0;
    for (const id of ids) glyfLength += Math.max(0, offsets[id + 1]! - offsets[id]!);
    const glyf = new Uint8Array(glyfLength);
    const loca = new Uint8Array(glyphCount * 4);
    const locaView = new DataView(loca.buffer);
    let pointer = 0;
    let next = 0;
    for (let k = 0; k < glyphCount; k++) {
      locaView.setUint32(k * 4, pointer);
      if (next < ids.length && ids[next] === k) {
        next++;
        const start = offsets[k]!;
        const length = offsets[k + 1]! - start;
        if (length > 0) {
          glyf.set(font.rawData.subarray(glyfStart + start, glyfStart + start + length), pointer);
          pointer += length;
        }
      }
    }
    const head = Uint8Array.from(font.head.encode(1));
    const perDocument = new Map<Tag, StaticTable>([
      ['glyf', { bytes: glyf, checksum: checksum(glyf) }],
      ['loca', { bytes: loca, checksum: checksum(loca) }],
      ['head', { bytes: head, checksum: checksum(head) }],
    ]);
    const tables = TABLE_ORDER.flatMap((tag) => {
      const table = perDocument.get(tag) ?? this.statics.get(tag);
      return table ? [[tag, table] as const] : [];
    });
    return writeDirectory(font.directory.scalarType, tables);
  }
}

/**
 * The table directory and the tables, 4-byte aligned, with head's checkSumAdjustment set
 * as jsPDF sets it (over the file as written, head's original adjustment included).
 */
function writeDirectory(
  scalarType: number,
  tables: ReadonlyArray<readonly [Tag, StaticTable]>,
): Uint8Array {
  const count = tables.length;
  const headerLength = 12 + 16 * count;
  let total = headerLength;
  for (const [, table] of tables) total += (table.bytes.length + 3) & ~3;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  // jsPDF's search fields (its entrySelector formula is not the spec's; kept for same bytes)
  const searchRange = Math.floor(Math.log(count) / Math.LN2) * 16;
  view.setUint32(0, scalarType >>> 0);
  view.setUint16(4, count);
  view.setUint16(6, searchRange);
  view.setUint16(8, Math.floor(searchRange / Math.LN2));
  view.setUint16(10, count * 16 - searchRange);
  let offset = headerLength;
  let headOffset = -1;
  tables.forEach(([tag, table], i) => {
    const entry = 12 + 16 * i;
    for (let c = 0; c < 4; c++) out[entry + c] = tag.charCodeAt(c);
    view.setUint32(entry + 4, table.checksum);
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, table.bytes.length);
    out.set(table.bytes, offset);
    if (tag === 'head') headOffset = offset;
    offset += (table.bytes.length + 3) & ~3;
  });
  if (headOffset >= 0) view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
