import { CalendarDateTime } from '@internationalized/date';
import { DateField as AriaDateField } from 'react-aria-components';
import { instantOf, localDateOf, toLocalDate } from '../../shared/calendar/local-date';
import { formatTime } from '../../shared/format/date';
import { AppLocale } from './AppLocale';
import { SegmentedFieldParts, segmentedFieldProps } from './SegmentedFieldParts';
import type { SegmentedFieldProps } from './SegmentedFieldParts';
import { plausibleYear, useTypedDate } from './use-typed-date';

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
  const { value, onChange } = props;
  const [typed, setTyped] = useTypedDate(value, onChange, toWallClock, (wall) =>
    wall && plausibleYear(wall.year) ? toInstant(wall) : null,
  );
  return (
    <AppLocale>
      <AriaDateField
        {...segmentedFieldProps(props)}
        value={typed}
        onChange={setTyped}
        granularity="minute"
        hourCycle={24}
      >
        <SegmentedFieldParts {...props} />
      </AriaDateField>
    </AppLocale>
  );
}
