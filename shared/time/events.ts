import { z } from 'zod';

/** A point in time, ms since the epoch (what `Date.now()` returns). */
const msSchema = z.number().int('L’horodatage doit être un entier (ms).').nonnegative();

export const TIMER_ACTIONS = ['start', 'pause', 'resume', 'stop'] as const;
export type TimerAction = (typeof TIMER_ACTIONS)[number];

/** A button press on the timer, recorded as it happened. */
export const timerActionEventSchema = z.object({
  id: z.string().min(1),
  type: z.enum(TIMER_ACTIONS),
  at: msSchema,
});
export type TimerActionEvent = z.infer<typeof timerActionEventSchema>;

/**
 * A forgotten start or stop fixed after the fact (002 art. IV.2.2: arrival and departure are
 * recorded and signed, so a change must stay visible): the original event is kept untouched,
 * this event says which one it replaces the time of, when the correction was made and why.
 */
export const timerCorrectionEventSchema = z.object({
  id: z.string().min(1),
  type: z.literal('correct'),
  /** id of the start/pause/resume/stop event whose time is corrected. */
  target: z.string().min(1),
  /** The corrected time of the target event. */
  at: msSchema,
  reason: z.string().trim().min(1, 'Indiquez la raison de la correction.'),
  recordedAt: msSchema,
});
export type TimerCorrectionEvent = z.infer<typeof timerCorrectionEventSchema>;

export const timerEventSchema = z.discriminatedUnion('type', [
  timerActionEventSchema,
  timerCorrectionEventSchema,
]);
export type TimerEvent = z.infer<typeof timerEventSchema>;

export const timerEventsSchema = z.array(timerEventSchema);

/**
 * `now`, never earlier than the last recorded tap: a clock set back (NTP, a time-zone fix, a
 * dead CMOS battery) must neither make a running visit unreadable nor refuse the next tap.
 * The elapsed time just waits for the clock; a tap is recorded at the last tap's time.
 */
export function notBeforeLastTap(events: readonly TimerEvent[], now: number): number {
  let last = now;
  for (const e of events) if (e.type !== 'correct' && e.at > last) last = e.at;
  return last;
}
