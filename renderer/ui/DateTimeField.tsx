import { CalendarDateTime } from '@internationalized/date';
import {
  DateField as AriaDateField,
  DateInput,
  DateSegment,
  Label,
  Text,
} from 'react-aria-components';
import { instantOf, localDateOf, toLocalDate } from '../../shared/calendar/local-date';
import { formatTime } from '../../shared/format/date';
import { AppLocale } from './AppLocale';
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
export function DateTimeField({
  label,
  value,
  onChange,
  onBlur,
  error,
  hint,
  isDisabled,
}: {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  onBlur?: () => void;
  error?: string | undefined;
  hint?: string;
  isDisabled?: boolean;
}) {
  const [typed, setTyped] = useTypedDate(value, onChange, toWallClock, (wall) =>
    wall && plausibleYear(wall.year) ? toInstant(wall) : null,
  );
  return (
    <AppLocale>
      <AriaDateField
        className="field date-field"
        value={typed}
        onChange={setTyped}
        onBlur={onBlur}
        isInvalid={Boolean(error)}
        isDisabled={isDisabled ?? false}
        validationBehavior="aria"
        shouldForceLeadingZeros
        granularity="minute"
        hourCycle={24}
      >
        <Label className="field-label">{label}</Label>
        <DateInput className="date-input">
          {(segment) => <DateSegment segment={segment} className="date-segment" />}
        </DateInput>
        {hint && (
          <Text slot="description" className="muted field-hint">
            {hint}
          </Text>
        )}
        {/* The kit's error, announced like Field's; the slot ties it to the field's description. */}
        {error && (
          <Text slot="errorMessage" className="field-error" role="alert">
            {error}
          </Text>
        )}
      </AriaDateField>
    </AppLocale>
  );
}
