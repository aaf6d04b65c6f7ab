import { useEffect, useReducer } from 'react';
import type { TimerEvent } from '../../../shared/time/events';
import { clock } from './clock';

/**
 * The current time, re-rendering every `intervalMs` while `active`. Only the display ticks:
 * what is shown is always recomputed from the stored events and the clock read at render.
 */
export function useNow(active: boolean, intervalMs = 1000): number {
  const [, tick] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(tick, intervalMs);
    // A laptop waking from sleep or a window coming back: refresh at once.
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [active, intervalMs]);
  return clock.now();
}

/**
 * `now`, never earlier than the last recorded tap: a clock set back (NTP, a time-zone fix)
 * must not make a running visit unreadable; the elapsed time just waits for the clock.
 */
export function notBeforeLastTap(events: readonly TimerEvent[], now: number): number {
  let last = now;
  for (const e of events) if (e.type !== 'correct' && e.at > last) last = e.at;
  return last;
}
