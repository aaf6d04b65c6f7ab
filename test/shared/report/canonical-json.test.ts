import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CanonicalJsonError, canonicalJson } from '../../../shared/report/canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('sorts keys by UTF-16 code units like RFC 8785 (capitals before lowercase, accents last)', () => {
    expect(canonicalJson({ é: 1, e: 2, E: 3, '10': 4, '9': 5 })).toBe(
      '{"10":4,"9":5,"E":3,"e":2,"é":1}',
    );
  });

  it('does not depend on the order the keys were inserted in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
      }),
    );
  });

  it('is valid JSON that parses back to an equal value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ noUnicodeString: false }), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('writes strings and numbers as JSON does (JCS escaping and number form)', () => {
    expect(canonicalJson(['é€\n"\\\u0001', 1e21, 0.1, -0, 1.5e-7])).toBe(
      '["é€\\n\\"\\\\\\u0001",1e+21,0.1,0,1.5e-7]',
    );
  });

  it('leaves out properties whose value is undefined, as if absent', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('refuses what has no single JSON form', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const refused: unknown[] = [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      [1, undefined],
      10n,
      () => 1,
      Symbol('s'),
      new Date(0),
      new Map(),
      new Uint8Array(1),
      'lone \ud800 surrogate',
      cyclic,
      { nested: { deep: [Number.NEGATIVE_INFINITY] } },
    ];
    for (const value of refused) expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ nested: { deep: [Number.NaN] } })).toThrow('$.nested.deep[0]');
  });

  it('accepts a shared (non-cyclic) sub-object twice', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });
});
