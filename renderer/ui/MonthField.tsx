import { useId, useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import { APP_LOCALE } from './AppLocale';
import { useFormStringField } from './form-string-field';
import type { FormStringFieldProps } from './form-string-field';

/** « janvier » … « décembre », from Intl so the names are the locale's, not typed here. */
const MONTH_NAMES = Array.from({ length: 12 }, (_, i) =>
  new Intl.DateTimeFormat(APP_LOCALE, { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, i, 1)),
  ),
);

function split(value: string): { month: string; year: string } {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  return match ? { year: match[1]!, month: match[2]! } : { year: '', month: '' };
}

/**
 * A month of a year (an index's publication month) as a French month name and a year: the
 * date libraries' segmented fields stop at the day, and a native `type="month"` follows the
 * browser's locale. Takes and gives "YYYY-MM" ('' until both parts are chosen).
 */
export function MonthField({
  label,
  value,
  onChange,
  onBlur,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string | undefined;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  // The parts typed so far: a month without its year is kept here, the form sees ''.
  const [parts, setParts] = useState(() => split(value));
  // A value set from outside (a form reset) replaces the parts, during render as React advises.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== '') setParts(split(value));
  }
  const change = (next: { month: string; year: string }) => {
    setParts(next);
    onChange(/^\d{4}$/.test(next.year) && next.month !== '' ? `${next.year}-${next.month}` : '');
  };
  const described = error ? errorId : undefined;
  return (
    <div className="field month-field" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="field-label">
        {label}
      </span>
      <div className="row">
        <select
          aria-label={`${label} : mois`}
          aria-invalid={Boolean(error)}
          aria-describedby={described}
          value={parts.month}
          onChange={(e) => change({ ...parts, month: e.target.value })}
          onBlur={onBlur}
        >
          <option value="">mois</option>
          {MONTH_NAMES.map((name, i) => (
            <option key={name} value={String(i + 1).padStart(2, '0')}>
              {name}
            </option>
          ))}
        </select>
        <input
          aria-label={`${label} : année`}
          aria-invalid={Boolean(error)}
          aria-describedby={described}
          inputMode="numeric"
          placeholder="aaaa"
          maxLength={4}
          size={5}
          value={parts.year}
          onChange={(e) => change({ ...parts, year: e.target.value.trim() })}
          onBlur={onBlur}
        />
      </div>
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** The same field bound to a react-hook-form string field, its zod message shown under it. */
export function FormMonthField<T extends FieldValues, TOut extends FieldValues = T>({
  control,
  name,
  ...shown
}: FormStringFieldProps<T, TOut>) {
  const bound = useFormStringField(control, name);
  return <MonthField {...shown} {...bound} />;
}
