import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DateField } from '../../../renderer/ui/DateField';
import { DateTimeField } from '../../../renderer/ui/DateTimeField';

const noop = () => undefined;

/** The segments' names, as react-aria labels them for a screen reader. */
const segments = () =>
  screen.getAllByRole('spinbutton').map((s) => s.getAttribute('aria-label') ?? s.textContent);

describe('TypedDateField, behind DateField and DateTimeField', () => {
  it('a day field has day, month and year segments only: no hour from the 24 h setting', () => {
    render(<DateField label="Jour" value="2026-11-23" onChange={noop} />);
    expect(screen.getAllByRole('spinbutton')).toHaveLength(3);
  });

  it('a day-and-time field adds the hour and minute, on the 24 h clock', () => {
    render(<DateTimeField label="Moment" value={Date.UTC(2026, 10, 23, 15, 5)} onChange={noop} />);
    expect(screen.getAllByRole('spinbutton')).toHaveLength(5);
    expect(segments().join(' ')).not.toMatch(/AM|PM|dayPeriod/i);
  });
});
