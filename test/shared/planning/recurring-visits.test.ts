import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractSchema } from '../../../shared/billing/contract';
import {
  addLocalDays,
  clockMinutes,
  DEFAULT_OPENING_HOURS,
  isoWeekday,
  publicHolidayOn,
  weekdayOf,
} from '../../../shared/calendar/index';
import type { WeeklySchedule } from '../../../shared/calendar/index';
import { formatDate, formatTime } from '../../../shared/format/index';
import { contractRecurringVisits, recurringVisits } from '../../../shared/planning/index';
import type { RecurringVisitPlan } from '../../../shared/planning/index';
import { contract } from './fixtures';

const plan = (patch: Partial<RecurringVisitPlan>): RecurringVisitPlan => ({
  visitsPerYear: 4,
  from: '2026-01-01',
  to: '2027-01-01',
  openingHours: DEFAULT_OPENING_HOURS,
  holidays: 'metropole',
  ...patch,
});
const dates = (p: Partial<RecurringVisitPlan>) => recurringVisits(plan(p)).map((v) => v.date);

const closed: WeeklySchedule = {
  monday: [],
  tuesday: [],
  wednesday: [],
  thursday: [],
  friday: [],
  saturday: [],
  sunday: [],
};

describe('recurringVisits: counts and dates', () => {
  it('spreads 4 visits over a calendar year, moving Sunday targets to Monday', () => {
    const visits = recurringVisits(plan({}));
    expect(visits.map((v) => [v.rank, v.date, v.slot])).toEqual([
      [1, '2026-02-16', { from: '09:00', to: '12:30' }],
      [2, '2026-05-18', { from: '09:00', to: '12:30' }],
      [3, '2026-08-17', { from: '09:00', to: '12:30' }],
      [4, '2026-11-16', { from: '09:00', to: '12:30' }],
    ]);
  });

  it('plans 12 visits a month apart', () => {
    expect(dates({ visitsPerYear: 12 })).toEqual([
      '2026-01-16',
      '2026-02-16',
      '2026-03-18',
      '2026-04-17',
      '2026-05-18',
      '2026-06-17',
      '2026-07-17',
      '2026-08-17',
      '2026-09-16',
      '2026-10-16',
      '2026-11-16',
      '2026-12-16',
    ]);
  });

  it.each([
    ['no visit in the contract', 0, '2026-01-01', '2027-01-01', 0],
    ['two full contract years', 4, '2026-03-15', '2028-03-15', 8],
    ['a year and a half: 4 + 2', 4, '2026-01-01', '2027-07-02', 6],
    ['a quarter of a year of a 4-visit contract', 4, '2026-01-01', '2026-04-02', 1],
    ['a leap year of 52 visits', 52, '2028-01-01', '2029-01-01', 52],
  ])('%s → %i visits', (_, visitsPerYear, from, to, count) => {
    expect(recurringVisits(plan({ visitsPerYear, from, to }))).toHaveLength(count);
  });

  it('ranks the visits within each contract year', () => {
    const visits = recurringVisits(plan({ from: '2026-01-01', to: '2027-07-02' }));
    expect(visits.map((v) => `${v.year}:${v.rank}`)).toEqual([
      '0:1',
      '0:2',
      '0:3',
      '0:4',
      '1:1',
      '1:2',
    ]);
    expect(visits.slice(4).every((v) => v.date >= '2027-01-01' && v.date < '2027-07-02')).toBe(
      true,
    );
  });
});

describe('recurringVisits: weekends, holidays and opening hours', () => {
  it.each([
    // Middle of the year lands on 11 November (a Wednesday): Thursday.
    ['Armistice', '2026-05-13', 'metropole', '2026-11-12'],
    // Christmas (Friday), then the weekend: Monday 28.
    ['Christmas', '2026-06-26', 'metropole', '2026-12-28'],
    // Good Friday 2027 is worked in mainland France…
    ['Good Friday, mainland', '2026-09-25', 'metropole', '2027-03-26'],
    // …not in Alsace-Moselle, and Easter Monday is a holiday everywhere: Tuesday.
    ['Good Friday, Alsace-Moselle', '2026-09-25', 'alsace-moselle', '2027-03-30'],
    // A client open on public holidays still gets no visit on one.
    ['Armistice, client open on holidays', '2026-05-13', null, '2026-11-12'],
  ] as const)('%s: the visit falls on %s', (_, from, holidays, expected) => {
    expect(dates({ visitsPerYear: 1, from, to: addLocalDays(from, 365), holidays })).toEqual([
      expected,
    ]);
  });

  it('plans inside the client’s hours: open on Wednesday afternoons only', () => {
    const wednesdays = { ...closed, wednesday: [{ from: '14:00', to: '18:00' }] };
    const visits = recurringVisits(plan({ openingHours: wednesdays }));
    expect(visits.map((v) => [v.date, v.slot.from, v.slot.to])).toEqual([
      ['2026-02-18', '14:00', '17:30'],
      ['2026-05-20', '14:00', '17:30'],
      ['2026-08-19', '14:00', '17:30'],
      ['2026-11-18', '14:00', '17:30'],
    ]);
  });

  it('skips Saturdays even when the client opens on them', () => {
    const saturdays = { ...closed, saturday: [{ from: '09:00', to: '18:00' }] };
    expect(() => recurringVisits(plan({ openingHours: saturdays }))).toThrow(
      'Impossible de placer la visite 1 de l’année 1',
    );
  });

  it('needs a range long enough for the visit', () => {
    const mornings = {
      ...DEFAULT_OPENING_HOURS,
      monday: [{ from: '09:00', to: '12:00' }],
      tuesday: [{ from: '09:00', to: '12:00' }],
      wednesday: [{ from: '09:00', to: '12:00' }],
      thursday: [{ from: '09:00', to: '12:00' }],
      friday: [{ from: '09:00', to: '12:00' }],
    };
    expect(() => recurringVisits(plan({ openingHours: mornings }))).toThrow(
      'pas assez de jours où le client est ouvert 210 minutes d’affilée',
    );
    expect(
      recurringVisits(plan({ openingHours: mornings, durationMinutes: 180 }))[0]?.slot,
    ).toEqual({ from: '09:00', to: '12:00' });
  });

  it('refuses a bad plan in French', () => {
    expect(() => recurringVisits(plan({ visitsPerYear: -1 }))).toThrow(
      'Nombre de visites par an invalide : -1.',
    );
    expect(() => recurringVisits(plan({ to: '2026-01-01' }))).toThrow(
      'La période doit finir après son début.',
    );
  });
});

describe('contractRecurringVisits', () => {
  it('plans the contract’s visits per year from its start to its due date', () => {
    const withVisits = contractSchema.parse({
      ...contract,
      subscriptionVisitsPerYear: 2,
      startsOn: '2026-01-01',
      renewsOn: '2028-01-01',
    });
    expect(contractRecurringVisits(withVisits).map((v) => v.date)).toEqual([
      '2026-04-02',
      '2026-10-01',
      '2027-04-02',
      '2027-10-01',
    ]);
  });

  it('plans one year when the contract has no due date, none when it sets no number', () => {
    const oneYear = contractSchema.parse({ ...contract, subscriptionVisitsPerYear: 4 });
    expect(contractRecurringVisits(oneYear).map((v) => v.date)).toEqual(dates({}));
    expect(contractRecurringVisits(contract)).toEqual([]);
  });
});

describe('recurringVisits: properties', () => {
  const anyDate = fc
    .date({
      min: new Date('2024-01-01T00:00:00Z'),
      max: new Date('2030-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10))
    // 29 February has no same day a year later: the year-long periods start on other days.
    .filter((d) => !d.endsWith('-02-29'));

  it('plans visitsPerYear × years visits on open working days, in order, in the hours', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        anyDate,
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom('metropole' as const, 'alsace-moselle' as const, null),
        (visitsPerYear, from, years, holidays) => {
          const to = `${String(Number(from.slice(0, 4)) + years)}${from.slice(4)}`;
          const visits = recurringVisits(plan({ visitsPerYear, from, to, holidays }));
          expect(visits).toHaveLength(visitsPerYear * years);
          for (const [i, v] of visits.entries()) {
            expect(v.date >= from && v.date < to).toBe(true);
            expect(isoWeekday(v.date)).toBeLessThanOrEqual(5);
            expect(publicHolidayOn(v.date, holidays ?? 'metropole')).toBeNull();
            if (i > 0) expect(v.date > visits[i - 1]!.date).toBe(true);
            const hours = DEFAULT_OPENING_HOURS[weekdayOf(v.date)];
            expect(
              hours.some(
                (r) =>
                  clockMinutes(r.from) <= clockMinutes(v.slot.from) &&
                  clockMinutes(v.slot.to) <= clockMinutes(r.to),
              ),
            ).toBe(true);
            // Real instants read back as the planned wall clock, DST days included.
            expect(formatDate(v.startsAt)).toBe(
              `${v.date.slice(8)}/${v.date.slice(5, 7)}/${v.date.slice(0, 4)}`,
            );
            expect(formatTime(v.startsAt)).toBe(v.slot.from);
            expect(v.endsAt - v.startsAt).toBe(210 * 60_000);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
