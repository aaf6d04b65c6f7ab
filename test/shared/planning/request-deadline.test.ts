import { describe, expect, it } from 'vitest';
import { contractSchema } from '../../../shared/billing/contract';
import { DEFAULT_OPENING_HOURS } from '../../../shared/calendar/index';
import type { WeeklySchedule } from '../../../shared/calendar/index';
import { formatDateTime } from '../../../shared/format/index';
import { requestDeadline } from '../../../shared/planning/index';
import type { RequestKind, SlaClass, Urgency } from '../../../shared/planning/index';
import { at, contract } from './fixtures';

const range = (from: string, to: string) => ({ from, to });
const weekdays = (ranges: { from: string; to: string }[]): WeeklySchedule => ({
  monday: ranges,
  tuesday: ranges,
  wednesday: ranges,
  thursday: ranges,
  friday: ranges,
  saturday: [],
  sunday: [],
});
/** A site open 8:00–12:00 and 13:00–17:00: 6 working hours a day inside 004's periods. */
const SHORT_HOURS = weekdays([range('08:00', '12:00'), range('13:00', '17:00')]);

interface Case {
  readonly calledAt: [string, string];
  readonly kind?: RequestKind;
  readonly slaClass?: SlaClass;
  readonly urgency?: Urgency;
  readonly urgentMode?: 'remote' | 'onsite';
  readonly openingHours?: WeeklySchedule;
  readonly region?: 'metropole' | 'alsace-moselle' | null;
}

const due = (c: Case) => {
  const deadline = requestDeadline(
    {
      calledAt: at(...c.calledAt),
      kind: c.kind ?? 'incident',
      slaClass: c.slaClass ?? 'none',
      urgency: c.urgency ?? 'normal',
      urgentMode: c.urgentMode ?? 'onsite',
    },
    {
      openingHours: c.openingHours ?? DEFAULT_OPENING_HOURS,
      contract: { ...contract, holidayRegion: c.region === undefined ? 'metropole' : c.region },
    },
  );
  return deadline && { dueAt: formatDateTime(deadline.dueAt), basis: deadline.basis };
};

describe('requestDeadline: response times of 004 art. VI', () => {
  it.each<[string, Case, string]>([
    [
      'Monday 9:00, server',
      { calledAt: ['2026-11-23', '09:00'], slaClass: 'server-network' },
      '23/11/2026 à 14:30',
    ],
    [
      'Monday 9:00, workstation',
      { calledAt: ['2026-11-23', '09:00'], slaClass: 'workstation' },
      '24/11/2026 à 09:30',
    ],
    [
      'Friday 16:00 over the weekend',
      { calledAt: ['2026-11-27', '16:00'], slaClass: 'server-network' },
      '30/11/2026 à 12:00',
    ],
    [
      'Saturday',
      { calledAt: ['2026-11-28', '10:00'], slaClass: 'server-network' },
      '30/11/2026 à 14:30',
    ],
    [
      'before 11 November',
      { calledAt: ['2026-11-10', '16:00'], slaClass: 'server-network' },
      '12/11/2026 à 11:00',
    ],
    [
      'before 11 November, client open on holidays',
      { calledAt: ['2026-11-10', '16:00'], slaClass: 'server-network', region: null },
      '12/11/2026 à 11:00',
    ],
    [
      'Friday before the spring DST change',
      { calledAt: ['2026-03-27', '16:30'], slaClass: 'server-network' },
      '30/03/2026 à 12:30',
    ],
    [
      'Friday before the autumn DST change',
      { calledAt: ['2026-10-23', '16:30'], slaClass: 'server-network' },
      '26/10/2026 à 12:30',
    ],
    [
      'site open 8–12 / 13–17, server',
      { calledAt: ['2026-11-23', '09:00'], slaClass: 'server-network', openingHours: SHORT_HOURS },
      '23/11/2026 à 15:00',
    ],
    [
      'site open 8–12 / 13–17, workstation',
      { calledAt: ['2026-11-23', '09:00'], slaClass: 'workstation', openingHours: SHORT_HOURS },
      '24/11/2026 à 11:00',
    ],
    [
      'Thursday before Good Friday, mainland',
      { calledAt: ['2026-04-02', '16:00'], slaClass: 'server-network' },
      '03/04/2026 à 11:00',
    ],
    [
      'Thursday before Good Friday, Alsace-Moselle',
      { calledAt: ['2026-04-02', '16:00'], slaClass: 'server-network', region: 'alsace-moselle' },
      '07/04/2026 à 11:00',
    ],
  ])('%s → %s', (_, c, expected) => {
    expect(due(c)?.dueAt).toBe(expected);
  });

  it('takes the contract’s own response times', () => {
    const slow = contractSchema.parse({ ...contract, sla: { serverNetworkMinutes: 60 } });
    const deadline = requestDeadline(
      {
        calledAt: at('2026-11-23', '09:00'),
        kind: 'incident',
        slaClass: 'server-network',
        urgency: 'normal',
        urgentMode: 'onsite',
      },
      { openingHours: DEFAULT_OPENING_HOURS, contract: slow },
    );
    expect(formatDateTime(deadline!.dueAt)).toBe('23/11/2026 à 10:00');
  });
});

describe('requestDeadline: urgent requests (002 art. IV.2.1)', () => {
  it.each<[string, Case, string, string]>([
    [
      'remote, Tuesday 10:15',
      { calledAt: ['2026-11-24', '10:15'], urgency: 'urgent', urgentMode: 'remote' },
      '25/11/2026 à 10:15',
      'urgent-remote',
    ],
    [
      'on site, Friday evening',
      { calledAt: ['2026-11-27', '19:00'], urgency: 'urgent' },
      '02/12/2026 à 09:00',
      'urgent-onsite',
    ],
    [
      'on site, across 11 November',
      { calledAt: ['2026-11-10', '10:00'], urgency: 'urgent' },
      '13/11/2026 à 10:00',
      'urgent-onsite',
    ],
    [
      'urgent server incident: the 4 h come first',
      { calledAt: ['2026-11-23', '09:00'], urgency: 'urgent', slaClass: 'server-network' },
      '23/11/2026 à 14:30',
      'sla-server-network',
    ],
    [
      'urgent remote workstation incident on Friday: the urgent day comes first',
      {
        calledAt: ['2026-11-27', '09:00'],
        urgency: 'urgent',
        urgentMode: 'remote',
        slaClass: 'workstation',
      },
      '30/11/2026 à 09:00',
      'urgent-remote',
    ],
  ])('%s → %s', (_, c, expected, basis) => {
    expect(due(c)).toEqual({ dueAt: expected, basis });
  });
});

describe('requestDeadline: no deadline', () => {
  it.each<Case>([
    { calledAt: ['2026-11-23', '09:00'], kind: 'planned-visit', slaClass: 'server-network' },
    { calledAt: ['2026-11-23', '09:00'], kind: 'complementary', slaClass: 'workstation' },
    { calledAt: ['2026-11-23', '09:00'], kind: 'incident', slaClass: 'none' },
  ])('%j', (c) => {
    expect(due(c)).toBeNull();
  });
});
