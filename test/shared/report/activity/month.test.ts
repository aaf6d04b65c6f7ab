import { describe, expect, it } from 'vitest';
import { monthBounds } from '../../../../shared/report/activity/month';

describe('monthBounds', () => {
  it('gives the first and last day of a month, December and February included', () => {
    expect(monthBounds('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(monthBounds('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});
