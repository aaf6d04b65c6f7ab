import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * Types a value into one of the app's fr-FR fields (renderer/ui/DateField, MonthField) found
 * by its label, as a user would in a component test: a date "2026-11-23" is typed day, month,
 * year into the segments; a month "2026-11" is chosen by name and its year typed.
 */
export async function typeDate(label: string, value: string): Promise<void> {
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) {
    fireEvent.change(screen.getByLabelText(`${label} : mois`), { target: { value: month[2] } });
    fireEvent.change(screen.getByLabelText(`${label} : année`), { target: { value: month[1] } });
    return;
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!date) throw new Error(`typeDate : valeur non reconnue ${value}`);
  const user = userEvent.setup();
  const first = screen
    .getByRole('group', { name: label })
    .querySelector<HTMLElement>('[role="spinbutton"]');
  await user.click(first!);
  await user.keyboard(`${date[3]}${date[2]}${date[1]}`);
  await user.tab();
}

/** The segments of a date field, for what a screen reader is told of them (aria-invalid…). */
export function dateSegments(label: string): HTMLElement[] {
  return [
    ...screen
      .getByRole('group', { name: label })
      .querySelectorAll<HTMLElement>('[role="spinbutton"]'),
  ];
}
