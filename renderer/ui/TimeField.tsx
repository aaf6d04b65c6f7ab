import { Time } from '@internationalized/date';
import { TimeField as AriaTimeField } from 'react-aria-components';
import type { FieldValues } from 'react-hook-form';
import { AppLocale } from './AppLocale';
import { useFormStringField } from './form-string-field';
import type { FormStringFieldProps } from './form-string-field';
import { SegmentedFieldParts, segmentedFieldProps } from './SegmentedFieldParts';
import type { SegmentedFieldProps } from './SegmentedFieldParts';

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
export function TimeField(props: SegmentedFieldProps<string>) {
  const { value, onChange } = props;
  return (
    <AppLocale>
      <AriaTimeField
        {...segmentedFieldProps(props)}
        value={toTime(value)}
        onChange={(time) => onChange(time ? `${pad(time.hour)}:${pad(time.minute)}` : '')}
        granularity="minute"
        hourCycle={24}
      >
        <SegmentedFieldParts {...props} />
      </AriaTimeField>
    </AppLocale>
  );
}

/** The same field bound to a react-hook-form string field, its zod message shown under it. */
export function FormTimeField<T extends FieldValues, TOut extends FieldValues = T>({
  control,
  name,
  ...shown
}: FormStringFieldProps<T, TOut> & { hint?: string }) {
  const bound = useFormStringField(control, name);
  return <TimeField {...shown} {...bound} />;
}
