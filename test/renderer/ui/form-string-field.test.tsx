import { zodResolver } from '@hookform/resolvers/zod';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FormDateField } from '../../../renderer/ui/DateField';
import { FormMonthField } from '../../../renderer/ui/MonthField';
import { FormTimeField } from '../../../renderer/ui/TimeField';
import { typeDate } from './type-date';

const schema = z.object({
  day: z.iso.date('Jour invalide.'),
  time: z.string().regex(/^\d{2}:\d{2}$/, 'Heure invalide.'),
  month: z.string().regex(/^\d{4}-\d{2}$/, 'Mois invalide.'),
});
type Values = z.infer<typeof schema>;

/** A react-hook-form + zod form with the three kit fields bound by name. */
function Form({ initial, onValid }: { initial: Values; onValid: (v: Values) => void }) {
  const { control, handleSubmit } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: initial,
  });
  return (
    <form noValidate onSubmit={(e) => void handleSubmit(onValid)(e)}>
      <FormDateField control={control} name="day" label="Jour" hint="jj/mm/aaaa" />
      <FormTimeField control={control} name="time" label="Heure" />
      <FormMonthField control={control} name="month" label="Mois" />
      <button type="submit">Valider</button>
    </form>
  );
}

describe('the kit fields bound to a react-hook-form field (useFormStringField)', () => {
  it('show the form’s values and give it what is typed', async () => {
    const saved: Values[] = [];
    render(
      <Form
        initial={{ day: '2026-11-23', time: '16:05', month: '2026-01' }}
        onValid={(v) => saved.push(v)}
      />,
    );
    expect(screen.getByText('jj/mm/aaaa')).toBeTruthy();
    await typeDate('Jour', '2026-12-24');
    await typeDate('Mois', '2027-03');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Valider' }));
    expect(saved).toEqual([{ day: '2026-12-24', time: '16:05', month: '2027-03' }]);
  });

  it('show each field’s zod message under it when the form is refused', async () => {
    const saved: Values[] = [];
    render(<Form initial={{ day: '', time: '', month: '' }} onValid={(v) => saved.push(v)} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Valider' }));
    expect(await screen.findByText('Jour invalide.')).toBeTruthy();
    expect(screen.getByText('Heure invalide.')).toBeTruthy();
    expect(screen.getByText('Mois invalide.')).toBeTruthy();
    expect(screen.getAllByRole('alert')).toHaveLength(3);
    expect(saved).toEqual([]);
  });
});
