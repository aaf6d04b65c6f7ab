import { describe, expect, it } from 'vitest';
import { visitFactsSchema, priceVisitFacts } from '../../../shared/billing/index';
import { visitTimeline } from '../../../shared/time/index';
import { allance, paris } from './fixtures';

// From the recorded events to the priced lines, as the app chains them.
function price(events: Parameters<typeof visitTimeline>[0], contractOverrides = {}) {
  const t = visitTimeline(events);
  const facts = visitFactsSchema.parse({
    mode: 'onsite',
    workedMinutes: t.workedMinutes,
    startedAt: t.arrival,
    segments: t.segments,
    sitePostcode: '75011',
  });
  return { timeline: t, priced: priceVisitFacts(allance(contractOverrides), facts) };
}

describe('visit → invoice', () => {
  it('a corrected arrival changes the billed step', () => {
    const events = [
      { id: 'a', type: 'start', at: paris('2026-11-23', '10:30') },
      { id: 'b', type: 'stop', at: paris('2026-11-23', '12:15') },
    ] as const;
    expect(price([...events]).priced.billedMinutes).toBe(120);
    const corrected = price([
      ...events,
      {
        id: 'c',
        type: 'correct',
        target: 'a',
        at: paris('2026-11-23', '09:30'),
        reason: 'Chrono lancé en retard',
        recordedAt: paris('2026-11-23', '12:16'),
      },
    ]);
    expect(corrected.timeline.workedMinutes).toBe(165);
    expect(corrected.priced.billedMinutes).toBe(210);
    expect(corrected.priced.totalHtCents).toBe(22800);
  });

  it('a night visit over midnight is flagged, with the minutes on each side', () => {
    const { timeline, priced } = price([
      { id: 'a', type: 'start', at: paris('2026-11-26', '22:00') },
      { id: 'b', type: 'stop', at: paris('2026-11-27', '01:30') },
    ]);
    expect(timeline.workedMinutes).toBe(210);
    expect(priced.billedMinutes).toBe(210);
    expect(priced.openingHours).toEqual({
      outside: true,
      outsideMinutes: 210,
      reasons: ['outside-hours'],
    });
    expect(priced.flags.map((f) => f.code)).toContain('outside-opening-hours');
  });

  it('a visit on the night of the autumn DST change counts the repeated hour', () => {
    // Sunday 25 October 2026, 01:30 → 03:30 on the wall clock is 3 real hours.
    const start = Date.UTC(2026, 9, 24, 23, 30);
    const { timeline, priced } = price(
      [
        { id: 'a', type: 'start', at: start },
        { id: 'b', type: 'stop', at: start + 3 * 3_600_000 },
      ],
      { outsideHoursSurchargePercent: 100 },
    );
    expect(timeline.workedMinutes).toBe(180);
    expect(priced.billedMinutes).toBe(210);
    expect(priced.openingHours?.reasons).toEqual(['weekend']);
    expect(priced.totalHtCents).toBe(22800 * 2);
  });
});
