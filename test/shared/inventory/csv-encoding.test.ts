import { describe, expect, it } from 'vitest';
import {
  decodeText,
  detectEncoding,
  encodingFromName,
} from '../../../shared/inventory/csv/encoding';

const utf16 = (text: string, order: 'le' | 'be', bom: boolean) => {
  const bytes: number[] = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    bytes.push(...(order === 'le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return new Uint8Array(bytes);
};

describe('detectEncoding and decodeText', () => {
  const text = 'Nom;Série\r\nPoste élève;Ü1\r\n';

  it('reads UTF-8 with or without a BOM', () => {
    const plain = new TextEncoder().encode(text);
    expect(detectEncoding(plain)).toEqual({ encoding: 'utf-8', fromBom: false });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(detectEncoding(withBom)).toEqual({ encoding: 'utf-8', fromBom: true });
    expect(decodeText(withBom, 'utf-8')).toBe(text);
  });

  it('reads UTF-16 in both byte orders, with or without a BOM', () => {
    for (const order of ['le', 'be'] as const) {
      for (const bom of [true, false]) {
        const bytes = utf16(text, order, bom);
        const guess = detectEncoding(bytes);
        expect(guess).toEqual({ encoding: `utf-16${order}`, fromBom: bom });
        expect(decodeText(bytes, guess.encoding)).toBe(text);
      }
    }
  });

  it('tells Windows-1252 from Mac Roman by the French they make', () => {
    // "élève à l’accueil, Noël" in each code page.
    const windows = new Uint8Array([
      0xe9, 0x6c, 0xe8, 0x76, 0x65, 0x20, 0xe0, 0x20, 0x6c, 0x92, 0x61, 0x63, 0x63, 0x75, 0x65,
      0x69, 0x6c, 0x2c, 0x20, 0x4e, 0x6f, 0xeb, 0x6c,
    ]);
    const mac = new Uint8Array([
      0x8e, 0x6c, 0x8f, 0x76, 0x65, 0x20, 0x88, 0x20, 0x6c, 0xd5, 0x61, 0x63, 0x63, 0x75, 0x65,
      0x69, 0x6c, 0x2c, 0x20, 0x4e, 0x6f, 0x91, 0x6c,
    ]);
    expect(detectEncoding(windows).encoding).toBe('windows-1252');
    expect(detectEncoding(mac).encoding).toBe('macintosh');
    expect(decodeText(windows, 'windows-1252')).toBe('élève à l’accueil, Noël');
    expect(decodeText(mac, 'macintosh')).toBe('élève à l’accueil, Noël');
    // Windows-1252's 0x80–0x9F are not ISO-8859-1's control characters.
    expect(decodeText(new Uint8Array([0x80, 0x9c, 0x85]), 'windows-1252')).toBe('€œ…');
  });

  it('understands the names people type', () => {
    const le = utf16('ab', 'le', false);
    const be = utf16('ab', 'be', true);
    expect(encodingFromName('utf-16', le)).toBe('utf-16le');
    expect(encodingFromName('UTF-16', be)).toBe('utf-16be');
    expect(encodingFromName('cp1252', le)).toBe('windows-1252');
    expect(encodingFromName('macintosh', le)).toBe('macintosh');
    expect(encodingFromName('ebcdic', le)).toBeNull();
  });
});
