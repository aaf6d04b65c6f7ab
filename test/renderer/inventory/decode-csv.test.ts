import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../../renderer/features/inventory/decode-csv';

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with or without a BOM', () => {
    const text = 'Nom;Série\nPoste élève;Ü1\n';
    const plain = new TextEncoder().encode(text);
    expect(decodeCsvBytes(plain)).toEqual({ ok: true, text });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    const decoded = decodeCsvBytes(withBom);
    expect(decoded.ok && decoded.text.replace(/^\uFEFF/, '')).toBe(text);
  });

  it('refuses Windows-1252 (Excel’s plain CSV) with advice in French', () => {
    // "Poste élève" in Windows-1252: é = 0xE9, è = 0xE8.
    const latin1 = new Uint8Array([
      0x50, 0x6f, 0x73, 0x74, 0x65, 0x20, 0xe9, 0x6c, 0xe8, 0x76, 0x65,
    ]);
    const result = decodeCsvBytes(latin1);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/pas encodé en UTF-8.*CSV UTF-8/);
  });

  it('refuses UTF-16 files', () => {
    const result = decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x4e, 0x00]));
    expect(!result.ok && result.message).toMatch(/UTF-16/);
  });
});
