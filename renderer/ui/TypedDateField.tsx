import type { DateValue } from 'react-aria-components';
import { DateField as AriaDateField } from 'react-aria-components';
import { AppLocale } from './AppLocale';
import { SegmentedFieldParts, segmentedFieldProps } from './SegmentedFieldParts';
import type { SegmentedFieldProps } from './SegmentedFieldParts';
import { useTypedDate } from './use-typed-date';

/**
 * A react-aria date field (a day, or a day and a time) showing what is typed while its form
 * holds the stored value (use-typed-date.ts): DateField and DateTimeField differ only in the
 * stored form and the granularity.
 */
export function TypedDateField<Stored, Typed extends DateValue>({
  field,
  toTyped,
  toStored,
  granularity,
}: {
  field: SegmentedFieldProps<Stored>;
  toTyped: (value: Stored) => Typed | null;
  toStored: (typed: Typed | null) => Stored;
  granularity: 'day' | 'minute';
}) {
  const [typed, setTyped] = useTypedDate(field.value, field.onChange, toTyped, toStored);
  return (
    <AppLocale>
      <AriaDateField
        {...segmentedFieldProps(field)}
        value={typed}
        // react-aria hands back the class it was given (its MappedDateValue<Typed> is Typed for a
        // CalendarDate or a CalendarDateTime), which TypeScript cannot see through a generic.
        onChange={(next) => setTyped(next as Typed | null)}
        granularity={granularity}
        // The 24 h clock, whatever the locale's habit; a day-only field has no hour to show.
        hourCycle={24}
      >
        <SegmentedFieldParts {...field} />
      </AriaDateField>
    </AppLocale>
  );
}
