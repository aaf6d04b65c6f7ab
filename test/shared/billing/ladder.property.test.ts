import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billableMinutes, MAX_TOLERANCE_MINUTES } from '../../../shared/billing/index';
import type { BillingMode } from '../../../shared/billing/index';

const minutes = fc.integer({ min: 0, max: 20_000 });
const mode = fc.constantFrom<BillingMode>('onsite', 'remote');
const tolerance = fc.integer({ min: 0, max: MAX_TOLERANCE_MINUTES });

describe('ladder properties', () => {
  it('billed ≥ worked (no tolerance)', () => {
    fc.assert(
      fc.property(mode, minutes, (m, worked) => {
        expect(billableMinutes(m, worked)).toBeGreaterThanOrEqual(worked);
      }),
    );
  });

  it('with a tolerance, billed is never less than worked minus the tolerance', () => {
    fc.assert(
      fc.property(minutes, tolerance, (worked, t) => {
        expect(billableMinutes('onsite', worked, { toleranceMinutes: t })).toBeGreaterThanOrEqual(
          worked - t,
        );
      }),
    );
  });

  it('is monotonic in worked time, with or without tolerance', () => {
    fc.assert(
      fc.property(mode, minutes, minutes, tolerance, (m, a, b, t) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const rules = { toleranceMinutes: t };
        expect(billableMinutes(m, lo, rules)).toBeLessThanOrEqual(billableMinutes(m, hi, rules));
      }),
    );
  });

  it('billing a billed value returns it unchanged (idempotent)', () => {
    fc.assert(
      fc.property(mode, minutes, tolerance, (m, worked, t) => {
        const rules = { toleranceMinutes: t };
        const billed = billableMinutes(m, worked, rules);
        expect(billableMinutes(m, billed, rules)).toBe(billed);
      }),
    );
  });

  it('remote results are multiples of 30 and less than 30 above worked', () => {
    fc.assert(
      fc.property(minutes, (worked) => {
        const billed = billableMinutes('remote', worked);
        expect(billed % 30).toBe(0);
        expect(billed - worked).toBeLessThan(30);
      }),
    );
  });

  it('on-site results are whole days plus 0, 2 h or 3 h 30, and 0 only for 0', () => {
    fc.assert(
      fc.property(minutes, tolerance, (worked, t) => {
        const billed = billableMinutes('onsite', worked, { toleranceMinutes: t });
        expect([0, 120, 210]).toContain(billed % 420);
        expect(billed === 0).toBe(worked === 0);
      }),
    );
  });
});
