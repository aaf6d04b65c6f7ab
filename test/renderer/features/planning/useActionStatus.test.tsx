import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useActionStatus } from '../../../../renderer/features/planning/useActionStatus';

function Harness({ action }: { action: () => Promise<string> }) {
  const { message, run } = useActionStatus();
  return (
    <>
      <button type="button" onClick={() => void run(action, 'L’action a échoué.')}>
        Agir
      </button>
      {message && <p role="status">{message}</p>}
    </>
  );
}

describe('useActionStatus', () => {
  it('shows the sentence the action returns', async () => {
    render(<Harness action={() => Promise.resolve('Intervention planifiée.')} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Agir' }));
    expect((await screen.findByRole('status')).textContent).toBe('Intervention planifiée.');
  });

  it('shows a refused action’s French message, and the fallback for an unknown failure', async () => {
    let failure: unknown = new Error('Choisissez au moins un technicien.');
    render(<Harness action={() => Promise.reject(failure)} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Agir' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Choisissez au moins un technicien.',
    );
    failure = 42;
    await user.click(screen.getByRole('button', { name: 'Agir' }));
    expect((await screen.findByText('L’action a échoué.')).getAttribute('role')).toBe('status');
  });
});
