import { describe, expect, it } from 'vitest';
import { DEFAULT_OPENING_HOURS, INTERVENTION_PERIODS } from '../../../shared/calendar/index';
import type { WeeklySchedule } from '../../../shared/calendar/index';
import { siteWorkingPeriods } from '../../../shared/planning/index';

const r = (from: string, to: string) => ({ from, to });

describe('siteWorkingPeriods: 004 art. VI periods inside the site’s hours', () => {
  it('is the periods themselves for a site open 9:00–18:00', () => {
    expect(siteWorkingPeriods(DEFAULT_OPENING_HOURS)).toEqual(INTERVENTION_PERIODS);
  });

  it('cuts the periods to the site’s ranges, day by day', () => {
    const site: WeeklySchedule = {
      monday: [r('08:00', '12:00'), r('13:00', '17:00')],
      tuesday: [r('10:00', '16:00')],
      wednesday: [],
      thursday: [r('12:30', '14:00')],
      friday: [r('07:00', '20:00')],
      saturday: [r('09:00', '12:00')],
      sunday: [],
    };
    expect(siteWorkingPeriods(site)).toEqual({
      monday: [r('09:00', '12:00'), r('14:00', '17:00')],
      tuesday: [r('10:00', '12:30'), r('14:00', '16:00')],
      wednesday: [],
      thursday: [],
      friday: [r('09:00', '12:30'), r('14:00', '17:00')],
      saturday: [],
      sunday: [],
    });
  });
});
