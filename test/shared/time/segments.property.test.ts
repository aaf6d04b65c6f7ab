import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visitTimeline } from '../../../shared/time/index';
import type { TimerEvent } from '../../../shared/time/index';

// A valid visit: start, then alternating pause/resume, maybe a stop, at increasing times.
const visit = fc
  .record({
    start: fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }),
    gaps: fc.array(fc.integer({ min: 0, max: 4 * 3_600_000 }), { minLength: 1, maxLength: 12 }),
    stopped: fc.boolean(),
  })
  .map(({ start, gaps, stopped }) => {
    const events: TimerEvent[] = [{ id: 'e0', type: 'start', at: start }];
    let at = start;
    const usable = stopped ? gaps.slice(0, -1) : gaps;
    usable.forEach((gap, i) => {
      at += gap;
      events.push({ id: `e${i + 1}`, type: i % 2 === 0 ? 'pause' : 'resume', at });
    });
    if (stopped) {
      at += gaps.at(-1)!;
      events.push({ id: 'stop', type: 'stop', at });
    }
    return { events, last: at };
  });

describe('visitTimeline properties', () => {
  it('worked + paused time = departure − arrival, worked minutes = floor(worked ms / 60 000)', () => {
    fc.assert(
      fc.property(visit, fc.integer({ min: 0, max: 3_600_000 }), ({ events, last }, wait) => {
        const now = last + wait;
        const t = visitTimeline(events, now);
        const end = t.departure ?? now;
        const paused = t.pauses.reduce((sum, p) => sum + ((p.end ?? now) - p.start), 0);
        expect(t.workedMs + paused).toBe(end - t.arrival!);
        expect(t.workedMinutes).toBe(Math.floor(t.workedMs / 60_000));
        for (const s of t.segments) expect(s.end).toBeGreaterThanOrEqual(s.start);
      }),
    );
  });

  it('moving the arrival earlier by a correction adds exactly that time', () => {
    fc.assert(
      fc.property(
        visit,
        fc.integer({ min: 0, max: 3 * 3_600_000 }),
        ({ events, last }, earlier) => {
          const before = visitTimeline(events, last);
          const corrected = visitTimeline(
            [
              ...events,
              {
                id: 'fix',
                type: 'correct',
                target: 'e0',
                at: events[0]!.at - earlier,
                reason: 'Arrivée oubliée',
                recordedAt: last,
              },
            ],
            last,
          );
          expect(corrected.workedMs - before.workedMs).toBe(earlier);
          expect(corrected.corrections).toHaveLength(1);
        },
      ),
    );
  });
});
