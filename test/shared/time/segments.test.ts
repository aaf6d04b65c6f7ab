import { describe, expect, it } from 'vitest';
import { TimerError, timerEventsSchema, visitTimeline } from '../../../shared/time/index';
import type { TimerErrorCode, TimerEvent } from '../../../shared/time/index';

const T0 = Date.UTC(2026, 10, 23, 8, 0); // Monday 23 November 2026, 09:00 in Paris
const min = (n: number) => T0 + n * 60_000;

const start = (id: string, at: number): TimerEvent => ({ id, type: 'start', at });
const pause = (id: string, at: number): TimerEvent => ({ id, type: 'pause', at });
const resume = (id: string, at: number): TimerEvent => ({ id, type: 'resume', at });
const stop = (id: string, at: number): TimerEvent => ({ id, type: 'stop', at });
const correct = (id: string, target: string, at: number, reason = 'Oubli'): TimerEvent => ({
  id,
  type: 'correct',
  target,
  at,
  reason,
  recordedAt: min(1000),
});

function codeOf(run: () => unknown): TimerErrorCode | 'no error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    if (error instanceof TimerError) return error.code;
    throw error;
  }
}

describe('visitTimeline', () => {
  it('has not started with no events', () => {
    expect(visitTimeline([])).toMatchObject({
      state: 'not-started',
      segments: [],
      workedMs: 0,
      workedMinutes: 0,
      arrival: null,
      departure: null,
    });
  });

  it('derives segments, pauses, worked minutes, arrival and departure', () => {
    const t = visitTimeline([
      start('a', min(0)),
      pause('b', min(50)),
      resume('c', min(80)),
      stop('d', min(195)),
    ]);
    expect(t.state).toBe('stopped');
    expect(t.segments).toEqual([
      { start: min(0), end: min(50), open: false },
      { start: min(80), end: min(195), open: false },
    ]);
    expect(t.pauses).toEqual([{ start: min(50), end: min(80) }]);
    expect(t.workedMinutes).toBe(165);
    expect(t.arrival).toBe(min(0));
    expect(t.departure).toBe(min(195));
  });

  it('counts a minute only once it is complete (floor of total ms)', () => {
    const t = visitTimeline([start('a', T0), stop('b', T0 + 59_999)]);
    expect(t.workedMs).toBe(59_999);
    expect(t.workedMinutes).toBe(0);
    // Seconds from several segments add up before the rounding.
    const u = visitTimeline([
      start('a', T0),
      pause('b', T0 + 30_000),
      resume('c', T0 + 40_000),
      stop('d', T0 + 70_000),
    ]);
    expect(u.workedMinutes).toBe(1);
  });

  it('needs `now` while running, and uses it for the open segment', () => {
    expect(codeOf(() => visitTimeline([start('a', min(0))]))).toBe('now-required');
    const t = visitTimeline(
      [start('a', min(0)), pause('b', min(10)), resume('c', min(20))],
      min(45),
    );
    expect(t.state).toBe('running');
    expect(t.segments.at(-1)).toEqual({ start: min(20), end: min(45), open: true });
    expect(t.workedMinutes).toBe(35);
    expect(codeOf(() => visitTimeline([start('a', min(10))], min(5)))).toBe(
      'now-before-last-event',
    );
  });

  it('a paused visit does not grow with time', () => {
    const events = [start('a', min(0)), pause('b', min(30))];
    expect(visitTimeline(events).workedMinutes).toBe(30);
    expect(visitTimeline(events, min(500)).workedMinutes).toBe(30);
    expect(visitTimeline(events).pauses).toEqual([{ start: min(30), end: null }]);
    expect(visitTimeline(events).state).toBe('paused');
  });

  it('stopping while paused closes the pause', () => {
    const t = visitTimeline([start('a', min(0)), pause('b', min(30)), stop('c', min(40))]);
    expect(t.workedMinutes).toBe(30);
    expect(t.pauses).toEqual([{ start: min(30), end: min(40) }]);
    expect(t.departure).toBe(min(40));
  });

  it('handles a visit over midnight', () => {
    const evening = Date.UTC(2026, 10, 23, 21, 30); // 22:30 in Paris
    const t = visitTimeline([start('a', evening), stop('b', evening + 150 * 60_000)]);
    expect(t.workedMinutes).toBe(150);
  });

  it('handles the night of a DST change (real elapsed time, not wall clock)', () => {
    // 29 March 2026: 01:30 → 03:30 Paris wall clock is one real hour.
    const t = visitTimeline([
      start('a', Date.UTC(2026, 2, 29, 0, 30)),
      stop('b', Date.UTC(2026, 2, 29, 1, 30)),
    ]);
    expect(t.workedMinutes).toBe(60);
  });

  describe('corrections', () => {
    it('applies a forgotten start and keeps the original and the reason', () => {
      const t = visitTimeline([
        start('a', min(90)),
        stop('b', min(200)),
        correct('c', 'a', min(0), 'Chrono lancé en retard'),
      ]);
      expect(t.arrival).toBe(min(0));
      expect(t.workedMinutes).toBe(200);
      expect(t.corrections).toEqual([
        {
          correctionId: 'c',
          eventId: 'a',
          eventType: 'start',
          original: min(90),
          corrected: min(0),
          reason: 'Chrono lancé en retard',
          recordedAt: min(1000),
        },
      ]);
    });

    it('applies a forgotten stop; the last correction of an event wins, all are kept', () => {
      const t = visitTimeline([
        start('a', min(0)),
        stop('b', min(300)),
        correct('c', 'b', min(150)),
        correct('d', 'b', min(120), 'Départ à 11 h'),
      ]);
      expect(t.departure).toBe(min(120));
      expect(t.workedMinutes).toBe(120);
      expect(t.corrections.map((c) => c.corrected)).toEqual([min(150), min(120)]);
    });

    it('rejects a correction that makes periods overlap', () => {
      const events = [
        start('a', min(0)),
        pause('b', min(30)),
        resume('c', min(40)),
        stop('d', min(60)),
      ];
      expect(codeOf(() => visitTimeline([...events, correct('e', 'c', min(20))]))).toBe(
        'overlapping-segments',
      );
      expect(codeOf(() => visitTimeline([...events, correct('e', 'd', min(35))]))).toBe(
        'overlapping-segments',
      );
    });

    it('rejects a correction of an unknown event or of another correction', () => {
      const events = [start('a', min(0)), stop('b', min(60)), correct('c', 'b', min(50))];
      expect(codeOf(() => visitTimeline([...events, correct('d', 'zz', min(1))]))).toBe(
        'unknown-correction-target',
      );
      expect(codeOf(() => visitTimeline([...events, correct('d', 'c', min(1))]))).toBe(
        'correction-of-correction',
      );
    });

    it('rejects a corrected time later than the correction, or a correction older than its event', () => {
      const events = [start('a', min(0)), stop('b', min(60))];
      const late = { ...correct('c', 'b', min(1001)), recordedAt: min(1000) } as TimerEvent;
      expect(codeOf(() => visitTimeline([...events, late]))).toBe('correction-in-future');
      const early = { ...correct('c', 'b', min(30)), recordedAt: min(59) } as TimerEvent;
      expect(codeOf(() => visitTimeline([...events, early]))).toBe('time-backwards');
    });

    it('a correction reason is required by the schema', () => {
      const parsed = timerEventsSchema.safeParse([
        { id: 'c', type: 'correct', target: 'a', at: 1, reason: '  ', recordedAt: 2 },
      ]);
      expect(parsed.success).toBe(false);
    });
  });

  describe('impossible sequences', () => {
    it.each<[string, TimerEvent[], TimerErrorCode]>([
      ['resume without pause', [start('a', min(0)), resume('b', min(5))], 'resume-without-pause'],
      ['resume before start', [resume('a', min(0))], 'resume-without-pause'],
      ['stop before start', [stop('a', min(0))], 'stop-before-start'],
      ['pause before start', [pause('a', min(0))], 'pause-without-start'],
      ['pause twice', [start('a', min(0)), pause('b', min(1)), pause('c', min(2))], 'pause-twice'],
      ['start twice', [start('a', min(0)), start('b', min(1))], 'start-twice'],
      [
        'event after stop',
        [start('a', min(0)), stop('b', min(1)), resume('c', min(2))],
        'event-after-stop',
      ],
      ['time going backwards', [start('a', min(10)), stop('b', min(5))], 'time-backwards'],
      ['duplicate id', [start('a', min(0)), stop('a', min(5))], 'duplicate-id'],
    ])('%s', (_name, events, code) => {
      expect(codeOf(() => visitTimeline(events, min(100)))).toBe(code);
    });

    it('names the faulty event and speaks French', () => {
      try {
        visitTimeline([start('a', min(0)), resume('b', min(5))]);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(TimerError);
        expect((error as TimerError).eventId).toBe('b');
        expect((error as TimerError).message).toMatch(/reprendre/);
      }
    });
  });

  it('the event schema rejects non-integer or negative timestamps', () => {
    expect(timerEventsSchema.safeParse([{ id: 'a', type: 'start', at: 1.5 }]).success).toBe(false);
    expect(timerEventsSchema.safeParse([{ id: 'a', type: 'start', at: -1 }]).success).toBe(false);
    expect(timerEventsSchema.safeParse([{ id: 'a', type: 'start', at: T0 }]).success).toBe(true);
  });
});
