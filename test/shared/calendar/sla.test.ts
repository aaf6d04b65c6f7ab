import { describe, expect, it } from 'vitest';
import {
  instantOf,
  SLA_SERVER_NETWORK_MINUTES,
  SLA_WORKSTATION_MINUTES,
  slaDeadline,
  workingMinutesBetween,
} from '../../../shared/calendar/index';
import { formatDateTime } from '../../../shared/format/index';

const at = (date: string, clock: string) => {
  const [h, m] = clock.split(':').map(Number);
  return instantOf(date, h! * 60 + m!);
};
const deadline = (date: string, clock: string, minutes: number) =>
  formatDateTime(slaDeadline(at(date, clock), minutes));

describe('slaDeadline (004 art. VI periods, working hours only)', () => {
  it.each([
    // Monday 23 Nov 2026: 3 h 30 in the morning, 30 min after lunch.
    ['2026-11-23', '09:00', SLA_SERVER_NETWORK_MINUTES, '23/11/2026 à 14:30'],
    // A Monday holds 7 h 30 of periods: 8 h ends on Tuesday at 9:30.
    ['2026-11-23', '09:00', SLA_WORKSTATION_MINUTES, '24/11/2026 à 09:30'],
    // Asked during lunch: counting starts at 14:00.
    ['2026-11-23', '13:00', SLA_SERVER_NETWORK_MINUTES, '23/11/2026 à 18:00'],
    // Asked in the evening: counting starts the next morning.
    ['2026-11-23', '20:00', SLA_SERVER_NETWORK_MINUTES, '24/11/2026 à 14:30'],
    // Friday afternoon ends at 17:00, then the weekend.
    ['2026-11-27', '16:00', SLA_SERVER_NETWORK_MINUTES, '30/11/2026 à 12:00'],
    // Asked on Saturday.
    ['2026-11-28', '10:00', SLA_SERVER_NETWORK_MINUTES, '30/11/2026 à 14:30'],
    // Tuesday 10 Nov: Wednesday 11 Nov is a public holiday.
    ['2026-11-10', '16:00', SLA_SERVER_NETWORK_MINUTES, '12/11/2026 à 11:00'],
    // Across Christmas and a weekend: Thursday 24 Dec 17:00 (1 h), Friday 25 is a holiday,
    // Monday 28: 3 h 30 in the morning and 3 h 30 in the afternoon.
    ['2026-12-24', '17:00', SLA_WORKSTATION_MINUTES, '28/12/2026 à 17:30'],
    // Friday 16:30 before each DST change (30 min that day): Monday 12:30, wall clock unchanged.
    ['2026-03-27', '16:30', SLA_SERVER_NETWORK_MINUTES, '30/03/2026 à 12:30'],
    ['2026-10-23', '16:30', SLA_SERVER_NETWORK_MINUTES, '26/10/2026 à 12:30'],
  ])('asked %s at %s, %i working minutes → %s', (date, clock, minutes, due) => {
    expect(deadline(date, clock, minutes)).toBe(due);
  });

  it('a deadline ending exactly at a period end stays there', () => {
    expect(deadline('2026-11-23', '09:00', 210)).toBe('23/11/2026 à 12:30');
  });

  it('rejects bad input and an empty schedule', () => {
    expect(() => slaDeadline(at('2026-11-23', '09:00'), 0)).toThrow(RangeError);
    expect(() => slaDeadline(at('2026-11-23', '09:00'), 1.5)).toThrow(RangeError);
    const empty = {
      monday: [],
      tuesday: [],
      wednesday: [],
      thursday: [],
      friday: [],
      saturday: [],
      sunday: [],
    };
    expect(() => slaDeadline(at('2026-11-23', '09:00'), 60, { periods: empty })).toThrow(
      RangeError,
    );
  });

  it('workingMinutesBetween is the inverse of slaDeadline', () => {
    const from = at('2026-12-24', '17:00');
    const due = slaDeadline(from, 480);
    expect(workingMinutesBetween(from, due)).toBe(480);
    expect(workingMinutesBetween(due, from)).toBe(0);
  });
});
