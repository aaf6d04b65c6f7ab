import type { InputHTMLAttributes } from 'react';
import type { FieldPath, FieldPathByValue, FieldValues, UseFormReturn } from 'react-hook-form';
import { CheckboxField, Field } from './Field';

/**
 * What a field needs of its react-hook-form form: to register its control and to read its
 * own zod message. Any `useForm` result fits, whatever its resolver turns the values into.
 */
export type RegisteringForm<T extends FieldValues> = Pick<
  UseFormReturn<T>,
  'register' | 'getFieldState' | 'formState'
>;

/** A field of the form holding a V (or nothing yet, for a schema's field with a default). */
type Bound<T extends FieldValues, V> = {
  form: RegisteringForm<T>;
  name: FieldPathByValue<T, V | undefined>;
  label: string;
  hint?: string | undefined;
};

function errorOf<T extends FieldValues>(form: RegisteringForm<T>, name: FieldPath<T>) {
  return form.getFieldState(name, form.formState).error?.message;
}

/** A text input bound to a string field of the form (amounts, numbers kept as text, codes…). */
export function TextField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  ...input
}: Bound<T, string> &
  Pick<InputHTMLAttributes<HTMLInputElement>, 'inputMode' | 'placeholder' | 'autoComplete'>) {
  return (
    <Field label={label} error={errorOf(form, name)} {...(hint ? { hint } : {})}>
      {(p) => <input {...p} {...form.register(name)} {...input} />}
    </Field>
  );
}

/** A number input bound to a numeric field of the form (read as a number, empty as NaN). */
export function NumberField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  ...input
}: Bound<T, number> & Pick<InputHTMLAttributes<HTMLInputElement>, 'min' | 'max' | 'step'>) {
  return (
    <Field label={label} error={errorOf(form, name)} {...(hint ? { hint } : {})}>
      {(p) => (
        <input {...p} {...form.register(name, { valueAsNumber: true })} type="number" {...input} />
      )}
    </Field>
  );
}

/** A select bound to a field of the form; `options` are [stored value, French label] pairs. */
export function SelectField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  options,
}: Bound<T, string> & { options: readonly (readonly [string, string])[] }) {
  return (
    <Field label={label} error={errorOf(form, name)} {...(hint ? { hint } : {})}>
      {(p) => (
        <select {...p} {...form.register(name)}>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The [value, label] pairs of a list of values and their French labels, for SelectField. */
export function labelledOptions<V extends string>(
  values: readonly V[],
  labels: Readonly<Record<V, string>>,
): (readonly [V, string])[] {
  return values.map((v) => [v, labels[v]] as const);
}

/** A checkbox bound to a boolean field of the form, its label after it. */
export function CheckField<T extends FieldValues>({
  form,
  name,
  label,
}: Omit<Bound<T, boolean>, 'hint'>) {
  return (
    <CheckboxField label={label}>
      {(p) => <input {...p} type="checkbox" {...form.register(name)} />}
    </CheckboxField>
  );
}
