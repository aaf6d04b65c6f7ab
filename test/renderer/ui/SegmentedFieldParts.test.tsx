import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DateField } from '../../../renderer/ui/DateField';
import { DateTimeField } from '../../../renderer/ui/DateTimeField';
import { TimeField } from '../../../renderer/ui/TimeField';

const noop = () => undefined;

/** The three segmented fields, each with the frame they share (label, hint, error). */
const FIELDS = {
  date: (p: { hint?: string; error?: string; isDisabled?: boolean }) => (
    <DateField label="Champ" value="2026-11-23" onChange={noop} {...p} />
  ),
  time: (p: { hint?: string; error?: string; isDisabled?: boolean }) => (
    <TimeField label="Champ" value="16:05" onChange={noop} {...p} />
  ),
  'date and time': (p: { hint?: string; error?: string; isDisabled?: boolean }) => (
    <DateTimeField label="Champ" value={Date.UTC(2026, 10, 23, 15, 5)} onChange={noop} {...p} />
  ),
};

describe.each(Object.entries(FIELDS))('the %s field’s frame', (_kind, Field) => {
  it('names its group by the label and describes it by its hint', () => {
    render(<Field hint="Heure de Paris" />);
    const group = screen.getByRole('group', { name: 'Champ' });
    const hint = screen.getByText('Heure de Paris');
    expect(hint.className).toContain('field-hint');
    expect(group.getAttribute('aria-describedby')?.split(' ')).toContain(hint.id);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('announces its error, ties it to the field and marks the segments invalid', () => {
    render(<Field error="Date invalide." />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Date invalide.');
    expect(alert.className).toContain('field-error');
    const group = screen.getByRole('group', { name: 'Champ' });
    expect(group.getAttribute('aria-describedby')?.split(' ')).toContain(alert.id);
    for (const segment of screen.getAllByRole('spinbutton')) {
      expect(segment.getAttribute('aria-invalid')).toBe('true');
    }
  });

  it('can be disabled, and is not invalid without an error', () => {
    render(<Field isDisabled />);
    for (const segment of screen.getAllByRole('spinbutton')) {
      expect(segment.getAttribute('aria-disabled')).toBe('true');
      expect(segment.getAttribute('aria-invalid')).not.toBe('true');
    }
  });
});
