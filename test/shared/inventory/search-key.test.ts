import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  equipmentTokens,
  matchesQuery,
  matchRank,
  queryTerms,
  searchKey,
} from '../../../shared/inventory/search-key';

const blank = { serialNumber: '', assetTag: '', hostname: '', model: '', assignedUser: '' };

describe('searchKey', () => {
  it('ignores case, accents, spaces, dashes and dots', () => {
    expect(searchKey(' 5cd-12.3 x ')).toBe('5CD123X');
    expect(searchKey('Hélène Çà')).toBe('HELENECA');
    expect(searchKey('C02X1A')).toBe('C02X1A');
    expect(searchKey('straße')).toBe('STRASSE');
  });

  it('gives the same key on its ASCII shortcut as through the Unicode normalisation', () => {
    const slow = (v: string) =>
      v
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toUpperCase()
        .replace(/[^0-9A-Z]/g, '');
    for (const values of [
      fc.string({ unit: 'binary' }),
      fc.stringMatching(/^[A-Za-z0-9 .\-éÉàç]{0,20}$/),
    ]) {
      fc.assert(
        fc.property(values, (v) => {
          expect(searchKey(v)).toBe(slow(v));
        }),
      );
    }
  });
});

describe('equipmentTokens', () => {
  it('indexes every part of a serial number of 3 characters or more, by prefix of a token', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9]{3,16}$/), fc.nat(), fc.nat(), (serial, a, b) => {
        const start = a % (serial.length - 2);
        const end = start + 3 + (b % (serial.length - start - 2));
        const part = serial.slice(start, end);
        const tokens = equipmentTokens({ ...blank, serialNumber: serial });
        expect(tokens.some((t) => t.startsWith(part))).toBe(true);
      }),
    );
  });

  it('indexes asset tags and hostnames by whole and word, users by word, models not at all', () => {
    const tokens = equipmentTokens({
      ...blank,
      assetTag: 'INV-0042',
      hostname: 'cab-pc-012',
      model: 'Latitude 5440',
      assignedUser: 'Jean-Luc Dupré',
    });
    // CAB and INV are left out: CABPC012 and INV0042 start with them.
    expect(tokens.sort()).toEqual(
      ['012', '0042', 'CABPC012', 'DUPRE', 'INV0042', 'JEAN', 'LUC', 'PC'].sort(),
    );
  });

  it('keeps no token that is the prefix of another, yet finds the record by every prefix it had', () => {
    const field = fc.stringMatching(/^[A-Za-z0-9 -]{0,14}$/);
    fc.assert(
      fc.property(field, field, field, field, (serialNumber, assetTag, hostname, assignedUser) => {
        const tokens = equipmentTokens({
          ...blank,
          serialNumber,
          assetTag,
          hostname,
          assignedUser,
        });
        expect(tokens.some((t) => tokens.some((o) => o !== t && o.startsWith(t)))).toBe(false);
        // What the index held before: each whole value, its words, the serial's suffixes.
        const serial = searchKey(serialNumber);
        const before = [
          serial,
          ...Array.from({ length: Math.max(0, serial.length - 2) }, (_, i) => serial.slice(i)),
          searchKey(assetTag),
          searchKey(hostname),
        ]
          .concat(
            [assetTag, hostname, assignedUser].flatMap((v) => v.split(/[\s-]+/).map(searchKey)),
          )
          .filter((t) => t !== '');
        for (const t of before) {
          for (let n = 1; n <= t.length; n++)
            expect(tokens.some((k) => k.startsWith(t.slice(0, n)))).toBe(true);
        }
      }),
    );
  });
});

describe('matchesQuery and matchRank', () => {
  const laptop = {
    ...blank,
    serialNumber: '5CD1234XYZ',
    hostname: 'COMPTA-PC3',
    model: 'ProBook 450',
    assignedUser: 'Élodie Martin',
  };
  it('needs every term, found in any field', () => {
    expect(matchesQuery(laptop, queryTerms('1234x'))).toBe(true);
    expect(matchesQuery(laptop, queryTerms('elodie probook'))).toBe(true);
    expect(matchesQuery(laptop, queryTerms('elodie dell'))).toBe(false);
    expect(matchesQuery(laptop, [])).toBe(true);
  });
  it('ranks serial-number prefixes before inner matches before other fields', () => {
    expect(matchRank(laptop, ['5CD'])).toBe(0);
    expect(matchRank(laptop, ['XYZ'])).toBe(1);
    expect(matchRank(laptop, ['MARTIN'])).toBe(3);
  });
});
