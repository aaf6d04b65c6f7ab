import { describe, expect, it } from 'vitest';
import { warrantyState } from '../../../shared/inventory/warranty';

describe('warrantyState', () => {
  const today = '2026-11-23';
  it('is unknown without an end date', () => expect(warrantyState(null, today)).toBe('unknown'));
  it('counts the end date as the last day covered', () => {
    expect(warrantyState('2026-11-23', today)).toBe('expires-soon');
    expect(warrantyState('2026-11-22', today)).toBe('expired');
  });
  it('warns 90 days ahead by default, or as asked', () => {
    expect(warrantyState('2027-02-21', today)).toBe('expires-soon');
    expect(warrantyState('2027-02-22', today)).toBe('under-warranty');
    expect(warrantyState('2027-02-21', today, 30)).toBe('under-warranty');
  });
});
