import { useEffect, useReducer } from 'react';
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

export { notBeforeLastTap } from '../../../shared/time/events';
