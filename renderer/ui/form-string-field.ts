import { useController } from 'react-hook-form';
import type { Control, FieldPathByValue, FieldValues } from 'react-hook-form';

/** Which string field of which form a kit field (date, time, month) is bound to. */
export interface FormStringFieldProps<T extends FieldValues, TOut extends FieldValues = T> {
  /** A form whose resolver may transform its values (TOut): only its typed values are read here. */
  control: Control<T, unknown, TOut>;
  name: FieldPathByValue<T, string>;
  label: string;
}

/** A react-hook-form string field as a kit field's value, change, blur and zod message. */
export function useFormStringField<T extends FieldValues, TOut extends FieldValues = T>(
  control: Control<T, unknown, TOut>,
  name: FieldPathByValue<T, string>,
) {
  const { field, fieldState } = useController({ control, name });
  return {
    value: field.value as string,
    onChange: field.onChange,
    onBlur: field.onBlur,
    error: fieldState.error?.message,
  };
}
