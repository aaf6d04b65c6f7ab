import { zodResolver } from '@hookform/resolvers/zod';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parseDate } from '@internationalized/date';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import {
  DateField as RawAriaDateField,
  DateInput,
  DateSegment,
  Label,
} from 'react-aria-components';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { instantOf, localDateSchema } from '../../../shared/calendar/local-date';
import { DateField } from '../../../renderer/ui/DateField';
import { DateTimeField } from '../../../renderer/ui/DateTimeField';
import { MonthField } from '../../../renderer/ui/MonthField';
import { TimeField } from '../../../renderer/ui/TimeField';

/** What a segmented field shows, without the bidi isolation marks react-aria puts around it. */
function shown(label: string): string {
  return screen
    .getByRole('group', { name: label })
    .textContent!.replace(/[\u2066-\u2069\u200e\u200f]/g, '')
    .trim();
}

/** A field wired to a useState, its stored value printed beside it. */
function Harness({ kind, initial }: { kind: 'date' | 'time'; initial: string }) {
  const [value, setValue] = useState(initial);
  const Field = kind === 'date' ? DateField : TimeField;
  return (
    <>
      <Field label="Champ" value={value} onChange={setValue} />
      <output data-testid="stored">{value}</output>
    </>
  );
}

async function typeInto(label: string, keys: string) {
  const user = userEvent.setup();
  const first = screen.getByRole('group', { name: label }).querySelector('[role="spinbutton"]');
  await user.click(first!);
  await user.keyboard(keys);
  return user;
}

describe('the fr-FR date and time fields in an en-US browser', () => {
  it('the environment is en-US: a bare react-aria field there reads 11/23/2026', () => {
    expect(navigator.language).toBe('en-US');
    render(
      <RawAriaDateField value={parseDate('2026-11-23')}>
        <Label>Brut</Label>
        <DateInput>{(s) => <DateSegment segment={s} />}</DateInput>
      </RawAriaDateField>,
    );
    expect(shown('Brut')).toBe('11/23/2026');
  });

  it('a date reads « 23/11/2026 » with jj/mm/aaaa placeholders when empty', () => {
    render(
      <>
        <DateField label="Jour" value="2026-11-23" onChange={() => undefined} />
        <DateField label="Vide" value="" onChange={() => undefined} />
        <DateField label="Premier" value="2026-01-05" onChange={() => undefined} />
      </>,
    );
    expect(shown('Jour')).toBe('23/11/2026');
    expect(shown('Premier')).toBe('05/01/2026');
    expect(shown('Vide')).toBe('jj/mm/aaaa');
  });

  it('a time reads « 16:05 » on the 24 h clock, « 08:30 » with its zero, « ––:–– » empty', () => {
    render(
      <>
        <TimeField label="Heure" value="16:05" onChange={() => undefined} />
        <TimeField label="Matin" value="08:30" onChange={() => undefined} />
        <TimeField label="Vide" value="" onChange={() => undefined} />
      </>,
    );
    expect(shown('Heure')).toBe('16:05');
    expect(shown('Matin')).toBe('08:30');
    expect(shown('Vide')).toBe('––:––');
  });

  it('a date and time reads the Paris wall clock « 23/11/2026 16:05 »', () => {
    render(
      <DateTimeField
        label="Appel"
        value={instantOf('2026-11-23', 16 * 60 + 5)}
        onChange={() => undefined}
      />,
    );
    expect(shown('Appel')).toMatch(/^23\/11\/2026\s16:05$/);
  });

  it('typing day, month and year stores "2026-11-23"', async () => {
    render(<Harness kind="date" initial="" />);
    await typeInto('Champ', '23112026');
    await waitFor(() => expect(screen.getByTestId('stored').textContent).toBe('2026-11-23'));
    expect(shown('Champ')).toBe('23/11/2026');
  });

  it('retyping the year gives the form no year 2, 20 or 202, and shows the digits typed', async () => {
    const given: string[] = [];
    function Recorder() {
      const [value, setValue] = useState('2026-11-23');
      return (
        <DateField
          label="Jour"
          value={value}
          onChange={(v) => {
            given.push(v);
            setValue(v);
          }}
        />
      );
    }
    render(<Recorder />);
    const user = userEvent.setup();
    const year = screen
      .getByRole('group', { name: 'Jour' })
      .querySelector<HTMLElement>('[data-type="year"]')!;
    await user.click(year);
    await user.keyboard('20');
    expect(shown('Jour')).toBe('23/11/20');
    await user.keyboard('27');
    expect(shown('Jour')).toBe('23/11/2027');
    expect(given).toEqual(['', '', '', '2027-11-23']);
  });

  it('typing 1605 stores "16:05"', async () => {
    render(<Harness kind="time" initial="" />);
    await typeInto('Champ', '1605');
    await waitFor(() => expect(screen.getByTestId('stored').textContent).toBe('16:05'));
  });

  it('typing a date and time stores the Paris instant', async () => {
    function Instant() {
      const [value, setValue] = useState<number | null>(null);
      return (
        <>
          <DateTimeField label="Appel" value={value} onChange={setValue} />
          <output data-testid="stored">{String(value)}</output>
        </>
      );
    }
    render(<Instant />);
    // Summer time: 09:30 in Paris is 07:30 UTC.
    await typeInto('Appel', '150720260930');
    await waitFor(() =>
      expect(screen.getByTestId('stored').textContent).toBe(String(Date.UTC(2026, 6, 15, 7, 30))),
    );
  });

  it('a month is chosen by its French name and stored "2026-01"', async () => {
    function Month() {
      const [value, setValue] = useState('');
      return (
        <>
          <MonthField label="Mois de l’indice" value={value} onChange={setValue} />
          <output data-testid="stored">{value}</output>
        </>
      );
    }
    render(<Month />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Mois de l’indice : mois'), 'janvier');
    expect(screen.getByTestId('stored').textContent).toBe('');
    await user.type(screen.getByLabelText('Mois de l’indice : année'), '2026');
    expect(screen.getByTestId('stored').textContent).toBe('2026-01');
  });

  it('an emptied date in a react-hook-form + zod form shows the French message', async () => {
    const schema = z.object({ day: localDateSchema });
    function Form({ onValid }: { onValid: (day: string) => void }) {
      const { control, handleSubmit } = useForm<z.infer<typeof schema>>({
        resolver: zodResolver(schema),
        defaultValues: { day: '2026-11-23' },
      });
      return (
        <form noValidate onSubmit={(e) => void handleSubmit((v) => onValid(v.day))(e)}>
          <Controller
            control={control}
            name="day"
            render={({ field, fieldState }) => (
              <DateField
                label="Jour"
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
          <button type="submit">Valider</button>
        </form>
      );
    }
    const saved: string[] = [];
    render(<Form onValid={(d) => saved.push(d)} />);
    const user = userEvent.setup();
    // Each Backspace empties a segment and moves back: clear year, month and day.
    for (const segment of screen.getAllByRole('spinbutton').reverse()) {
      await user.click(segment);
      await user.keyboard('{Backspace}{Backspace}{Backspace}{Backspace}');
    }
    expect(shown('Jour')).toBe('jj/mm/aaaa');
    await user.click(screen.getByRole('button', { name: 'Valider' }));
    expect(await screen.findByText('Date attendue au format AAAA-MM-JJ.')).toBeTruthy();
    expect(
      screen.getByRole('group', { name: 'Jour' }).getAttribute('aria-describedby'),
    ).toBeTruthy();
    expect(saved).toEqual([]);
  });
});
