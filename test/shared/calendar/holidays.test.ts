import { describe, expect, it } from 'vitest';
import {
  easterSunday,
  frenchPublicHolidays,
  publicHolidayOn,
} from '../../../shared/calendar/index';

describe('easterSunday', () => {
  // Published dates of Easter Sunday.
  it.each([
    [1818, '1818-03-22'], // earliest possible
    [1943, '1943-04-25'], // latest possible
    [2000, '2000-04-23'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('rejects years outside the Gregorian calendar', () => {
    expect(() => easterSunday(1500)).toThrow(RangeError);
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
  });
});

describe('frenchPublicHolidays', () => {
  it('lists the eleven holidays of 2026', () => {
    expect(frenchPublicHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-06', // lundi de Pâques
      '2026-05-01',
      '2026-05-08',
      '2026-05-14', // Ascension
      '2026-05-25', // lundi de Pentecôte
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
  });

  it('adds Good Friday and St Stephen in Alsace-Moselle', () => {
    const dates = frenchPublicHolidays(2026, 'alsace-moselle').map((h) => h.date);
    expect(dates).toHaveLength(13);
    expect(dates).toContain('2026-04-03');
    expect(dates).toContain('2026-12-26');
    expect(publicHolidayOn('2026-04-03')).toBeNull();
  });

  it('finds a holiday by date, with its name', () => {
    expect(publicHolidayOn('2027-05-06')).toEqual({ date: '2027-05-06', name: 'Ascension' });
    expect(publicHolidayOn('2026-11-23')).toBeNull();
  });
});
