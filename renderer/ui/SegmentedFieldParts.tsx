import { DateInput, DateSegment, Label, Text } from 'react-aria-components';

/** What the kit's segmented fields (date, time, date and time) take besides their value. */
export interface SegmentedFieldProps<V> {
  label: string;
  value: V;
  onChange: (value: V) => void;
  onBlur?: () => void;
  error?: string | undefined;
  hint?: string;
  isDisabled?: boolean;
}

/**
 * The props every segmented field hands its react-aria field: the kit's look, the error shown
 * by the kit rather than the browser's validation, and leading zeros (« 05/03 », « 09:05 »).
 */
export function segmentedFieldProps({
  onBlur,
  error,
  isDisabled,
}: Pick<SegmentedFieldProps<unknown>, 'onBlur' | 'error' | 'isDisabled'>) {
  return {
    className: 'field date-field',
    onBlur,
    isInvalid: Boolean(error),
    isDisabled: isDisabled ?? false,
    validationBehavior: 'aria',
    shouldForceLeadingZeros: true,
  } as const;
}

/**
 * Inside a react-aria date or time field: its label, its segments, its hint and its error.
 * One piece so the date, time and date-and-time fields look and announce alike.
 */
export function SegmentedFieldParts({
  label,
  hint,
  error,
}: Pick<SegmentedFieldProps<unknown>, 'label' | 'hint' | 'error'>) {
  return (
    <>
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
    </>
  );
}
