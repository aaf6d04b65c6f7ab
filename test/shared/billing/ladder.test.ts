import { describe, expect, it } from 'vitest';
import { billableMinutes, ladderStep } from '../../../shared/billing/index';

describe('billableMinutes — on site (002 art. IV.2.2, domain-rules §3)', () => {
  // Every worked example of domain-rules.md §3, plus the exact step boundaries.
  it.each([
    [0, 0],
    [1, 120],
    [119, 120],
    [120, 120],
    [121, 210],
    [165, 210],
    [209, 210],
    [210, 210],
    [211, 420],
    [419, 420],
    [420, 420],
    [421, 540],
    [540, 540],
    [541, 630],
    [560, 630],
    [630, 630],
    [631, 840],
    [840, 840],
    [841, 960],
    [1261, 1380],
  ])('%i worked minutes bill %i', (worked, billed) => {
    expect(billableMinutes('onsite', worked)).toBe(billed);
  });
});

describe('billableMinutes — remote, per started half-hour', () => {
  it.each([
    [0, 0],
    [1, 30],
    [29, 30],
    [30, 30],
    [31, 60],
    [60, 60],
    [91, 120],
    [601, 630],
  ])('%i worked minutes bill %i', (worked, billed) => {
    expect(billableMinutes('remote', worked)).toBe(billed);
  });

  it('ignores the on-site tolerance', () => {
    expect(billableMinutes('remote', 31, { toleranceMinutes: 10 })).toBe(60);
  });
});

describe('tolerance (minutes of grace before each step up on site)', () => {
  it.each([
    [120, 120],
    [130, 120],
    [131, 210],
    [220, 210],
    [221, 420],
    [430, 420],
    [431, 540],
    [550, 540],
    [551, 630],
    [640, 630],
    [641, 840],
  ])('with 10 min of grace, %i worked minutes bill %i', (worked, billed) => {
    expect(billableMinutes('onsite', worked, { toleranceMinutes: 10 })).toBe(billed);
  });

  it('a first minute of work still bills the 2 h minimum', () => {
    expect(billableMinutes('onsite', 1, { toleranceMinutes: 15 })).toBe(120);
  });

  it.each([-1, 1.5, 90, Number.NaN])('rejects a tolerance of %s', (toleranceMinutes) => {
    expect(() => billableMinutes('onsite', 100, { toleranceMinutes })).toThrow(RangeError);
  });
});

describe('bad input', () => {
  it.each([-1, -0.5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'throws a RangeError for %s worked minutes',
    (worked) => {
      expect(() => billableMinutes('onsite', worked)).toThrow(RangeError);
      expect(() => billableMinutes('remote', worked)).toThrow(RangeError);
    },
  );
});

describe('ladderStep', () => {
  it('says which step applied', () => {
    expect(ladderStep('onsite', 0)).toEqual({ mode: 'onsite', kind: 'none', billedMinutes: 0 });
    expect(ladderStep('onsite', 100)).toMatchObject({ days: 0, remainderMinutes: 120 });
    expect(ladderStep('onsite', 200)).toMatchObject({ days: 0, remainderMinutes: 210 });
    expect(ladderStep('onsite', 300)).toMatchObject({ days: 1, remainderMinutes: 0 });
    expect(ladderStep('onsite', 560)).toMatchObject({
      days: 1,
      remainderMinutes: 210,
      billedMinutes: 630,
    });
    expect(ladderStep('remote', 91)).toEqual({
      mode: 'remote',
      kind: 'half-hours',
      halfHours: 4,
      billedMinutes: 120,
    });
  });
});
