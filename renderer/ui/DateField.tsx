import { parseDate } from '@internationalized/date';
import type { CalendarDate } from '@internationalized/date';
import {
  DateField as AriaDateField,
  DateInput,
  DateSegment,
  Label,
  Text,
} from 'react-aria-components';
import { useController } from 'react-hook-form';
import type { Control, FieldPathByValue, FieldValues } from 'react-hook-form';
import { AppLocale } from './AppLocale';
import { plausibleYear, useTypedDate } from './use-typed-date';

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
export function DateField({
  label,
  value,
  onChange,
  onBlur,
  error,
  hint,
  isDisabled,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string | undefined;
  hint?: string;
  isDisabled?: boolean;
}) {
  const [typed, setTyped] = useTypedDate(value, onChange, toCalendarDate, (date) =>
    date && plausibleYear(date.year) ? date.toString() : '',
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
        granularity="day"
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

/** The same field bound to a react-hook-form string field, its zod message shown under it. */
export function FormDateField<T extends FieldValues, TOut extends FieldValues = T>({
  control,
  name,
  label,
  hint,
}: {
  /** A form whose resolver may transform its values (TOut): only its typed values are read here. */
  control: Control<T, unknown, TOut>;
  name: FieldPathByValue<T, string>;
  label: string;
  hint?: string;
}) {
  const { field, fieldState } = useController({ control, name });
  return (
    <DateField
      label={label}
      {...(hint === undefined ? {} : { hint })}
      value={field.value as string}
      onChange={field.onChange}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}
