import type { UseFormRegisterReturn } from 'react-hook-form';

/**
 * A select bound to a react-hook-form field whose values form a closed list (a zod enum),
 * each option shown by its French label from shared/.
 */
export function LabelSelect<V extends string>({
  label,
  values,
  labels,
  registration,
}: {
  label: string;
  values: readonly V[];
  labels: Readonly<Record<V, string>>;
  registration: UseFormRegisterReturn;
}) {
  return (
    <label className="field">
      {label}
      <select {...registration}>
        {values.map((v) => (
          <option key={v} value={v}>
            {labels[v]}
          </option>
        ))}
      </select>
    </label>
  );
}
