import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { FormError } from '../../../renderer/ui/FormError';
import { submitOrShowError } from '../../../renderer/ui/submit-or-show-error';

/** A one-field form saving with `save`, its root error shown as the screens show it. */
function Harness({ save }: { save: (values: { name: string }) => Promise<void> }) {
  const form = useForm({ defaultValues: { name: 'Vauban' } });
  const submit = submitOrShowError(form, save, 'Enregistrement impossible.');
  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <FormError message={form.formState.errors.root?.message} />
      <input aria-label="Nom" {...form.register('name')} />
      <button type="submit">Enregistrer</button>
    </form>
  );
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

describe('submitOrShowError', () => {
  it('saves the values and shows nothing when the save succeeds', async () => {
    const save = vi.fn(async () => undefined);
    render(<Harness save={save} />);
    submit();
    await waitFor(() => expect(save).toHaveBeenCalledWith({ name: 'Vauban' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the failure’s French sentence and keeps what was typed', async () => {
    const save = vi.fn(async () => {
      throw new Error('Ce client a été supprimé entre-temps.');
    });
    render(<Harness save={save} />);
    fireEvent.change(screen.getByLabelText('Nom'), { target: { value: 'Cabinet Vauban' } });
    submit();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Ce client a été supprimé entre-temps.',
    );
    expect((screen.getByLabelText('Nom') as HTMLInputElement).value).toBe('Cabinet Vauban');
  });

  it('falls back to the form’s own sentence for an error without one', async () => {
    render(
      <Harness
        save={async () => {
          throw new Error('');
        }}
      />,
    );
    submit();
    expect((await screen.findByRole('alert')).textContent).toBe('Enregistrement impossible.');
  });
});
