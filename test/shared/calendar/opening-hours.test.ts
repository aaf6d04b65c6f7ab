import { describe, expect, it } from 'vitest';
import {
  checkOpeningHours,
  DEFAULT_OPENING_HOURS,
  instantOf,
  INTERVENTION_PERIODS,
} from '../../../shared/calendar/index';
import type { WeeklySchedule } from '../../../shared/calendar/index';

// Wall-clock times in Paris, so the tests read like the contract.
const at = (date: string, clock: string) => {
  const [h, m] = clock.split(':').map(Number);
  return instantOf(date, h! * 60 + m!);
};
const seg = (date: string, from: string, to: string, toDate = date) => ({
  start: at(date, from),
  end: at(toDate, to),
});

describe('checkOpeningHours (default: Monday–Friday 9:00–18:00)', () => {
  it('inside on a weekday', () => {
    expect(checkOpeningHours([seg('2026-11-23', '09:00', '18:00')], DEFAULT_OPENING_HOURS)).toEqual(
      {
        outside: false,
        outsideMinutes: 0,
        reasons: [],
      },
    );
  });

  it('counts the minutes before opening and after closing', () => {
    const check = checkOpeningHours([seg('2026-11-23', '08:30', '18:15')], DEFAULT_OPENING_HOURS);
    expect(check).toEqual({ outside: true, outsideMinutes: 45, reasons: ['outside-hours'] });
  });

  it('flags Saturday and Sunday work', () => {
    const check = checkOpeningHours([seg('2026-11-21', '10:00', '12:00')], DEFAULT_OPENING_HOURS);
    expect(check).toEqual({ outside: true, outsideMinutes: 120, reasons: ['weekend'] });
  });

  it('flags a public holiday, unless the client opens on them', () => {
    const holiday = [seg('2026-11-11', '10:00', '11:00')];
    expect(checkOpeningHours(holiday, DEFAULT_OPENING_HOURS).reasons).toEqual(['public-holiday']);
    expect(checkOpeningHours(holiday, DEFAULT_OPENING_HOURS, { holidays: null }).outside).toBe(
      false,
    );
  });

  it('splits a visit over midnight between the two days', () => {
    // Friday 17:00 → Saturday 01:00: 1 h inside, 6 h outside Friday, 1 h on Saturday.
    const check = checkOpeningHours(
      [seg('2026-11-20', '17:00', '01:00', '2026-11-21')],
      DEFAULT_OPENING_HOURS,
    );
    expect(check).toEqual({
      outside: true,
      outsideMinutes: 420,
      reasons: ['weekend', 'outside-hours'],
    });
  });

  it('counts real time across the spring DST change (23-hour day)', () => {
    // A 24/7 schedule except Sunday 29 March 2026 01:00–04:00 wall clock, which lasts 2 real hours.
    const always: WeeklySchedule = {
      ...DEFAULT_OPENING_HOURS,
      sunday: [{ from: '04:00', to: '24:00' }],
    };
    const check = checkOpeningHours([seg('2026-03-29', '01:00', '04:00')], always);
    expect(check.outsideMinutes).toBe(120);
  });

  it('counts real time across the autumn DST change (25-hour day)', () => {
    const always: WeeklySchedule = {
      ...DEFAULT_OPENING_HOURS,
      sunday: [{ from: '04:00', to: '24:00' }],
    };
    const check = checkOpeningHours([seg('2026-10-25', '01:00', '04:00')], always);
    expect(check.outsideMinutes).toBe(240);
  });

  it('opening hours keep their wall-clock meaning on a DST Monday (no UTC shift)', () => {
    // Monday 30 March 2026, the day after the change: 9:00–18:00 is still 9:00–18:00.
    expect(
      checkOpeningHours([seg('2026-03-30', '09:00', '18:00')], DEFAULT_OPENING_HOURS).outside,
    ).toBe(false);
    expect(
      checkOpeningHours([seg('2026-10-26', '09:00', '18:00')], DEFAULT_OPENING_HOURS).outside,
    ).toBe(false);
  });

  it('uses the schedule given: lunch break of the intervention periods is outside', () => {
    const check = checkOpeningHours([seg('2026-11-23', '12:00', '14:30')], INTERVENTION_PERIODS);
    expect(check).toEqual({ outside: true, outsideMinutes: 90, reasons: ['outside-hours'] });
  });

  it('ignores less than a minute outside, and empty segments', () => {
    const start = at('2026-11-23', '09:00') - 30_000;
    expect(
      checkOpeningHours([{ start, end: start + 3_600_000 }], DEFAULT_OPENING_HOURS).outside,
    ).toBe(false);
    expect(checkOpeningHours([], DEFAULT_OPENING_HOURS).outside).toBe(false);
  });
});
