import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moneyText } from '../../../shared/billing/money-text';
import { formatMoney } from '../../../shared/format/money';

describe('moneyText', () => {
  it('writes exactly what formatMoney writes', () => {
    for (const cents of [0, 5, 99, 100, 6500, 22750, 100000, 123456, 10_000_000_000, -500])
      expect(moneyText(cents)).toBe(formatMoney(cents));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (cents) => {
        expect(moneyText(cents)).toBe(formatMoney(cents));
      }),
      { numRuns: 2000 },
    );
  });
});
