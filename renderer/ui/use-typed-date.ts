import { useState } from 'react';

/** Years a date typed in the product can have; any other is one still being typed. */
export const PLAUSIBLE_YEARS = { min: 1900, max: 2999 } as const;

export function plausibleYear(year: number): boolean {
  return year >= PLAUSIBLE_YEARS.min && year <= PLAUSIBLE_YEARS.max;
}

/**
 * What a segmented field shows and what its form holds, kept apart. react-aria emits every
 * complete date, so typing the year « 2026 » over a filled date passes through years 2, 20
 * and 202: the form is given the empty value until the year is plausible (a screen computing
 * a deadline from year 2 would fail), while the field keeps showing the digits typed — handing
 * react-aria the form's empty value would clear every segment. A value set from outside
 * (a form reset) replaces what is shown.
 */
export function useTypedDate<Typed, Stored>(
  value: Stored,
  onChange: (value: Stored) => void,
  toTyped: (value: Stored) => Typed | null,
  toStored: (typed: Typed | null) => Stored,
): [Typed | null, (typed: Typed | null) => void] {
  const [typed, setTyped] = useState(() => toTyped(value));
  const [given, setGiven] = useState(value);
  if (!Object.is(value, given)) {
    // Adjusted during render, as React advises for state derived from a prop.
    setGiven(value);
    setTyped(toTyped(value));
  }
  const change = (next: Typed | null) => {
    const stored = toStored(next);
    setTyped(next);
    setGiven(stored);
    onChange(stored);
  };
  return [typed, change];
}
