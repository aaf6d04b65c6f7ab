import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { ClientPresenceFields } from '../../../../renderer/features/visits/ClientPresenceFields';

interface Presence {
  representativeName: string;
  representativeRole: string;
  clientConfirmedBackup: boolean;
}

function Form({ onValid, errors }: { onValid: (v: Presence) => void; errors?: boolean }) {
  const { register, handleSubmit } = useForm<Presence>({
    defaultValues: { representativeName: '', representativeRole: '', clientConfirmedBackup: false },
  });
  return (
    <form onSubmit={(e) => void handleSubmit(onValid)(e)}>
      <ClientPresenceFields
        name={register('representativeName')}
        role={register('representativeRole')}
        backup={register('clientConfirmedBackup')}
        {...(errors ? { nameError: 'Nom trop long.', roleError: 'Fonction trop longue.' } : {})}
      />
      <button type="submit">Valider</button>
    </form>
  );
}

describe('ClientPresenceFields (visits index, used by the start forms and today’s job)', () => {
  it('gives the form who is present and whether the client confirms a backup', async () => {
    const saved: Presence[] = [];
    render(<Form onValid={(v) => saved.push(v)} />);
    fireEvent.change(screen.getByLabelText('Représentant du client présent'), {
      target: { value: 'Hélène Lefèvre' },
    });
    fireEvent.change(screen.getByLabelText('Fonction'), { target: { value: 'Gérante' } });
    const user = userEvent.setup();
    await user.click(screen.getByLabelText(/Le client confirme disposer d’une sauvegarde récente/));
    await user.click(screen.getByRole('button', { name: 'Valider' }));
    expect(saved).toEqual([
      {
        representativeName: 'Hélène Lefèvre',
        representativeRole: 'Gérante',
        clientConfirmedBackup: true,
      },
    ]);
  });

  it('shows the messages it is given under the name and the role, none otherwise', () => {
    const { unmount } = render(<Form onValid={() => undefined} />);
    expect(document.querySelector('.field-error')).toBeNull();
    unmount();
    render(<Form onValid={() => undefined} errors />);
    expect(screen.getByText('Nom trop long.').className).toBe('field-error');
    expect(screen.getByText('Fonction trop longue.').className).toBe('field-error');
  });
});
