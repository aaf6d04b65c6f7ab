import { CalendarDateTime } from '@internationalized/date';
import { instantOf, localDateOf, toLocalDate } from '../../shared/calendar/local-date';
import { formatTime } from '../../shared/format/date';
import type { SegmentedFieldProps } from './SegmentedFieldParts';
import { TypedDateField } from './TypedDateField';
import { plausibleYear } from './use-typed-date';

/** The Paris wall clock of an instant, as the library's zone-less date and time. */
function toWallClock(ms: number | null): CalendarDateTime | null {
  if (ms === null || !Number.isFinite(ms)) return null;
  const [year, month, day] = localDateOf(ms).split('-').map(Number) as [number, number, number];
  const [hour, minute] = formatTime(ms).split(':').map(Number) as [number, number];
  return new CalendarDateTime(year, month, day, hour, minute);
}

function toInstant(wall: CalendarDateTime): number {
  return instantOf(
    toLocalDate({ year: wall.year, month: wall.month, day: wall.day }),
    wall.hour * 60 + wall.minute,
  );
}

/**
 * A date and time « jj/mm/aaaa hh:mm » (24 h) read on the Paris clock, whatever the laptop's
 * zone and the browser's locale. Takes and gives an instant in ms (null while empty); the
 * zone is not shown as a segment: every on-site time in the product is Paris time.
 */
export function DateTimeField(props: SegmentedFieldProps<number | null>) {
  return (
    <TypedDateField
      field={props}
      toTyped={toWallClock}
      toStored={(wall) => (wall && plausibleYear(wall.year) ? toInstant(wall) : null)}
      granularity="minute"
    />
  );
}
