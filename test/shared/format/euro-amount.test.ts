import { describe, expect, it } from 'vitest';
import { centsToEuroText, eurosToCents } from '../../../shared/format/euro-amount';

describe('eurosToCents', () => {
  it('reads French amounts digit by digit', () => {
    expect(eurosToCents('65')).toBe(6500);
    expect(eurosToCents('65,5')).toBe(6550);
    expect(eurosToCents('0,07')).toBe(7);
    expect(eurosToCents('1 234,56 €')).toBe(123456);
    expect(eurosToCents('19.99')).toBe(1999);
  });
  it('refuses what is not an amount', () => {
    for (const bad of ['', '-5', '1,234', 'abc', '1e3', '12,', ',5'])
      expect(eurosToCents(bad)).toBeNull();
  });
  it('writes cents back as the form shows them', () => {
    expect(centsToEuroText(6550)).toBe('65,50');
    expect(centsToEuroText(6500)).toBe('65');
    expect(centsToEuroText(null)).toBe('');
    expect(eurosToCents(centsToEuroText(123407))).toBe(123407);
  });
});
