import { localDateOf } from '../../../shared/calendar/local-date';
import type { LocalDate } from '../../../shared/calendar/local-date';
import { clock } from '../../platform/clock';

/**
 * Today's date in mainland France, the calendar the contracts count in, from the app's one
 * clock (so tests that set the time set "today" too).
 */
export function today(now: number = clock.now()): LocalDate {
  return localDateOf(now);
}
