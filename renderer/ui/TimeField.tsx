import { Time } from '@internationalized/date';
import {
  DateInput,
  DateSegment,
  Label,
  Text,
  TimeField as AriaTimeField,
} from 'react-aria-components';
import { useController } from 'react-hook-form';
import type { Control, FieldPathByValue, FieldValues } from 'react-hook-form';
import { AppLocale } from './AppLocale';

/** "HH:MM" → the library's time; anything else (the empty field) → null. */
function toTime(value: string): Time | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour < 24 && minute < 60 ? new Time(hour, minute) : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A wall-clock time typed in segments on the 24 h clock (« 16:05 »), whatever the browser's
 * locale. Takes and gives the stored form "HH:MM" ('' while empty).
 */
export function TimeField({
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
  return (
    <AppLocale>
      <AriaTimeField
        className="field date-field"
        value={toTime(value)}
        onChange={(time) => onChange(time ? `${pad(time.hour)}:${pad(time.minute)}` : '')}
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
      </AriaTimeField>
    </AppLocale>
  );
}

/** The same field bound to a react-hook-form string field, its zod message shown under it. */
export function FormTimeField<T extends FieldValues, TOut extends FieldValues = T>({
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
    <TimeField
      label={label}
      {...(hint === undefined ? {} : { hint })}
      value={field.value as string}
      onChange={field.onChange}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}
