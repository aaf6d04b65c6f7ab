import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPENING_HOURS,
  INTERVENTION_PERIODS,
  instantOf,
  URGENT_WORKING_DAYS,
  urgentDeadline,
} from '../../../shared/calendar/index';
import type { WeeklySchedule } from '../../../shared/calendar/index';
import { formatDateTime } from '../../../shared/format/index';

const at = (date: string, clock: string) => {
  const [h, m] = clock.split(':').map(Number);
  return instantOf(date, h! * 60 + m!);
};
const due = (
  date: string,
  clock: string,
  mode: 'remote' | 'onsite',
  openingHours?: WeeklySchedule,
) => formatDateTime(urgentDeadline(at(date, clock), mode, openingHours ? { openingHours } : {}));

describe('urgentDeadline (002 art. IV.2.2: 1 working day remote, 2 on site)', () => {
  it('reads the contract’s figures', () => {
    expect(URGENT_WORKING_DAYS).toEqual({ remote: 1, onsite: 2 });
  });

  it.each([
    // Tuesday 24 Nov 2026, 10:15, client open 9:00–18:00.
    ['2026-11-24', '10:15', 'remote', '25/11/2026 à 10:15'],
    ['2026-11-24', '10:15', 'onsite', '26/11/2026 à 10:15'],
    // Friday afternoon: the weekend does not count.
    ['2026-11-27', '16:00', 'remote', '30/11/2026 à 16:00'],
    ['2026-11-27', '16:00', 'onsite', '01/12/2026 à 16:00'],
    // After closing time: counting starts when the client opens, Monday 9:00.
    ['2026-11-27', '19:00', 'onsite', '02/12/2026 à 09:00'],
    // Saturday and Sunday requests wait for Monday's opening.
    ['2026-11-28', '11:00', 'remote', '01/12/2026 à 09:00'],
    // Before opening: from 9:00 the same day.
    ['2026-11-24', '07:30', 'remote', '25/11/2026 à 09:00'],
    // Tuesday 10 Nov: Wednesday 11 Nov (Armistice) is a public holiday.
    ['2026-11-10', '14:00', 'remote', '12/11/2026 à 14:00'],
    ['2026-11-10', '14:00', 'onsite', '13/11/2026 à 14:00'],
    // Thursday 24 Dec: Christmas Friday, then the weekend.
    ['2026-12-24', '11:00', 'onsite', '29/12/2026 à 11:00'],
    // Across the spring DST change (29 March 2026): the wall clock is what counts.
    ['2026-03-27', '10:00', 'remote', '30/03/2026 à 10:00'],
    ['2026-10-23', '10:00', 'remote', '26/10/2026 à 10:00'],
  ] as const)('asked %s at %s, %s → %s', (date, clock, mode, expected) => {
    expect(due(date, clock, mode)).toBe(expected);
  });

  it('uses the client’s own hours: a closed clock time moves to the next opening', () => {
    // With the 004 periods: Thursday 17:30 → Friday closes at 17:00 → Monday 9:00.
    expect(due('2026-11-26', '17:30', 'remote', INTERVENTION_PERIODS)).toBe('30/11/2026 à 09:00');
    // Monday 12:45, lunch break: counting starts at 14:00 → Tuesday 14:00.
    expect(due('2026-11-23', '12:45', 'remote', INTERVENTION_PERIODS)).toBe('24/11/2026 à 14:00');
    // A shop open Tuesday to Saturday: Saturday counts, Monday does not.
    const shop: WeeklySchedule = {
      ...DEFAULT_OPENING_HOURS,
      monday: [],
      saturday: [{ from: '10:00', to: '19:00' }],
    };
    expect(due('2026-11-27', '15:00', 'onsite', shop)).toBe('01/12/2026 à 15:00');
  });

  it('refuses a bad instant and a client that is never open', () => {
    expect(() => urgentDeadline(Number.NaN, 'remote')).toThrow(RangeError);
    expect(() => urgentDeadline(-1, 'remote')).toThrow(RangeError);
    const closed: WeeklySchedule = {
      monday: [],
      tuesday: [],
      wednesday: [],
      thursday: [],
      friday: [],
      saturday: [],
      sunday: [],
    };
    expect(() =>
      urgentDeadline(at('2026-11-24', '10:00'), 'remote', { openingHours: closed }),
    ).toThrow('Aucune heure d’ouverture');
  });

  it('is always later than the request, on site never before remote, and inside opening hours', () => {
    const start = at('2026-01-01', '00:00');
    const end = at('2028-12-31', '00:00');
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), (requestedAt) => {
        const remote = urgentDeadline(requestedAt, 'remote');
        const onsite = urgentDeadline(requestedAt, 'onsite');
        expect(remote).toBeGreaterThan(requestedAt);
        expect(onsite).toBeGreaterThan(remote);
        // At least one full day later, never more than a couple of weeks (holiday bridges).
        expect(remote - requestedAt).toBeGreaterThanOrEqual(23 * 3_600_000);
        expect(onsite - requestedAt).toBeLessThan(14 * 24 * 3_600_000);
        const clock = formatDateTime(onsite).slice(-5);
        expect(clock >= '09:00' && clock <= '18:00').toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
