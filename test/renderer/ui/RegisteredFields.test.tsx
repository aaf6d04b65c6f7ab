import { zodResolver } from '@hookform/resolvers/zod';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  CheckField,
  labelledOptions,
  NumberField,
  SelectField,
  TextField,
} from '../../../renderer/ui/RegisteredFields';

const KINDS = ['hours', 'days'] as const;
const schema = z.object({
  reference: z.string().trim().min(1, 'Référence obligatoire.'),
  quantity: z.number({ error: 'Nombre entier attendu.' }).int().max(24, '24 au maximum.'),
  unit: z.enum(KINDS),
  tacit: z.boolean().default(true),
});

/** A form of each kind of field, what it submits handed to `onSave`. */
function Harness({ onSave }: { onSave: (values: z.output<typeof schema>) => void }) {
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { reference: '', quantity: 3, unit: 'hours' as const, tacit: true },
  });
  return (
    <form noValidate onSubmit={(e) => void form.handleSubmit(onSave)(e)}>
      <TextField form={form} name="reference" label="Référence" hint="Ex. CT-1" inputMode="text" />
      <NumberField form={form} name="quantity" label="Quantité" min={0} max={24} />
      <SelectField
        form={form}
        name="unit"
        label="Unité"
        options={labelledOptions(KINDS, { hours: 'en heures', days: 'en jours' })}
      />
      <CheckField form={form} name="tacit" label="Tacite" />
      <button type="submit">Enregistrer</button>
    </form>
  );
}

const input = (label: string) => screen.getByLabelText(label, { exact: true }) as HTMLInputElement;

describe('the kit’s fields bound to a react-hook-form form', () => {
  it('submit the typed values, the number as a number, the select’s stored value', async () => {
    const onSave = vi.fn();
    render(<Harness onSave={onSave} />);
    expect(screen.getByRole('option', { name: 'en jours' })).toBeTruthy();
    expect(input('Quantité').type).toBe('number');
    expect(input('Quantité').max).toBe('24');
    fireEvent.change(input('Référence'), { target: { value: 'CT-1' } });
    fireEvent.change(input('Quantité'), { target: { value: '12' } });
    fireEvent.change(screen.getByLabelText('Unité'), { target: { value: 'days' } });
    fireEvent.click(input('Tacite'));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledOnce());
    expect(onSave.mock.calls[0]![0]).toEqual({
      reference: 'CT-1',
      quantity: 12,
      unit: 'days',
      tacit: false,
    });
  });

  it('show each field’s own zod message, announced and tied to its control', async () => {
    const onSave = vi.fn();
    render(<Harness onSave={onSave} />);
    fireEvent.change(input('Quantité'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const message = await screen.findByText('Référence obligatoire.');
    expect(message.getAttribute('role')).toBe('alert');
    expect(input('Référence').getAttribute('aria-invalid')).toBe('true');
    expect(input('Référence').getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getByText('24 au maximum.')).toBeTruthy();
    expect(screen.getByText('Ex. CT-1')).toBeTruthy();
    expect(input('Tacite').getAttribute('aria-invalid')).toBeNull();
    expect(onSave).not.toHaveBeenCalled();
  });
});
