import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatLocalDate,
  formatLongDate,
  formatMoney,
  formatPercentBasisPoints,
  formatTime,
  formatWholeEuros,
  NBSP,
} from '../../../shared/format/index';

// Expected strings are written with ordinary spaces; `s` turns them into the U+00A0 the
// formatters emit, so the tests say exactly which character is output.
const s = (text: string) => text.replaceAll(' ', NBSP);

describe('formatDuration', () => {
  it.each([
    [0, '0 min'],
    [5, '5 min'],
    [45, '45 min'],
    [60, '1 h'],
    [120, '2 h'],
    [165, '2 h 45'],
    [210, '3 h 30'],
    [605, '10 h 05'],
    [840, '14 h'],
  ])('%i → %s', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(s(text));
  });

  it.each([-1, 1.5, Number.NaN])('rejects %s', (minutes) => {
    expect(() => formatDuration(minutes)).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it.each([
    [0, '0,00 €'],
    [5, '0,05 €'],
    [22800, '228,00 €'],
    [27360, '273,60 €'],
    [123456, '1 234,56 €'],
    [100000000, '1 000 000,00 €'],
    [-500, '-5,00 €'],
  ])('%i cents → %s', (cents, text) => {
    expect(formatMoney(cents)).toBe(s(text));
  });

  it('never emits a narrow no-break space', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        const text = formatMoney(cents);
        expect(text).not.toMatch(/[\u202f ]/);
        // Round trip: the printed digits are the cents.
        const digits = text.replace(/[^\d-]/g, '');
        expect(Number(digits)).toBe(cents);
      }),
    );
  });

  it('rejects non-integer cents', () => {
    expect(() => formatMoney(1.5)).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN)).toThrow(RangeError);
  });

  it('formats whole euros and rates', () => {
    expect(formatWholeEuros(22800)).toBe(s('228 €'));
    expect(formatWholeEuros(123400)).toBe(s('1 234 €'));
    expect(() => formatWholeEuros(22850)).toThrow(RangeError);
    expect(formatPercentBasisPoints(2000)).toBe(s('20 %'));
    expect(formatPercentBasisPoints(550)).toBe(s('5,5 %'));
  });
});

describe('dates in Europe/Paris', () => {
  it('formats an instant on the Paris clock whatever the machine zone', () => {
    const ms = Date.UTC(2026, 10, 23, 13, 5); // 14:05 in Paris (winter, UTC+1)
    expect(formatDate(ms)).toBe('23/11/2026');
    expect(formatTime(ms)).toBe('14:05');
    expect(formatDateTime(ms)).toBe('23/11/2026 à 14:05');
    expect(formatLongDate(ms)).toBe('lundi 23 novembre 2026');
  });

  it('uses summer time in summer and crosses midnight in Paris, not in UTC', () => {
    expect(formatTime(Date.UTC(2026, 6, 14, 13, 5))).toBe('15:05');
    expect(formatDate(Date.UTC(2026, 11, 31, 23, 30))).toBe('01/01/2027');
  });

  it('formats a calendar date', () => {
    expect(formatLocalDate('2026-02-05')).toBe('05/02/2026');
    expect(() => formatLocalDate('5/2/2026')).toThrow(RangeError);
  });
});
