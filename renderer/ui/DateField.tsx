import { parseDate } from '@internationalized/date';
import type { CalendarDate } from '@internationalized/date';
import type { FieldValues } from 'react-hook-form';
import { useFormStringField } from './form-string-field';
import type { FormStringFieldProps } from './form-string-field';
import type { SegmentedFieldProps } from './SegmentedFieldParts';
import { TypedDateField } from './TypedDateField';
import { plausibleYear } from './use-typed-date';

/** "YYYY-MM-DD" → the library's date; anything else (the empty field) → null. */
function toCalendarDate(value: string): CalendarDate | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  try {
    return parseDate(value);
  } catch {
    return null;
  }
}

/**
 * A calendar date typed in segments « jj/mm/aaaa », in French whatever the browser's locale.
 * Takes and gives the stored form "YYYY-MM-DD" ('' while empty), so it plugs into
 * react-hook-form's Controller or a useState as the native input did. A half-typed date keeps
 * the last complete one (react-aria emits only complete dates), a year still being typed gives
 * '' (use-typed-date.ts), clearing every segment gives ''.
 */
export function DateField(props: SegmentedFieldProps<string>) {
  return (
    <TypedDateField
      field={props}
      toTyped={toCalendarDate}
      toStored={(date) => (date && plausibleYear(date.year) ? date.toString() : '')}
      granularity="day"
    />
  );
}

/** The same field bound to a react-hook-form string field, its zod message shown under it. */
export function FormDateField<T extends FieldValues, TOut extends FieldValues = T>({
  control,
  name,
  ...shown
}: FormStringFieldProps<T, TOut> & { hint?: string }) {
  const bound = useFormStringField(control, name);
  return <DateField {...shown} {...bound} />;
}
