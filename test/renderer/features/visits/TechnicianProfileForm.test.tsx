import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getTechnicianProfile } from '../../../../renderer/db/repositories/profile';
import { TechnicianProfileForm } from '../../../../renderer/features/visits/TechnicianProfileForm';
import type { VisitWorld } from '../../use-cases/visits/visit-world';
import { appWorld } from './visit-screen';

let world: VisitWorld;
beforeEach(async () => {
  world = await appWorld();
});
afterEach(() => world.db.close());

async function openProfile() {
  const current = await getTechnicianProfile(world.db);
  render(<TechnicianProfileForm current={current} />);
}

describe('the technician profile', () => {
  it('stores the code typed in lower case in capitals, with the saved signature', async () => {
    await openProfile();
    fireEvent.change(screen.getByLabelText('Nom du technicien'), {
      target: { value: 'Julie Morel' },
    });
    fireEvent.change(screen.getByLabelText('Code technicien (2 à 4 lettres)'), {
      target: { value: 'jm' },
    });
    expect(screen.getByLabelText('Code technicien (2 à 4 lettres)')).toHaveProperty('value', 'JM');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le profil' }));
    expect((await screen.findByRole('status')).textContent).toBe('Profil enregistré.');
    const stored = await getTechnicianProfile(world.db);
    expect(stored).toMatchObject({ name: 'Julie Morel', code: 'JM' });
    expect(stored?.signaturePngDataUrl).toMatch(/^data:image\/png;base64,/);
  });

  it('says beside the field what is wrong, in French, and stores nothing', async () => {
    await openProfile();
    fireEvent.change(screen.getByLabelText('Nom du technicien'), { target: { value: ' ' } });
    fireEvent.change(screen.getByLabelText('Code technicien (2 à 4 lettres)'), {
      target: { value: 'J1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le profil' }));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    const messages = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(messages).toEqual([
      'Indiquez votre nom.',
      'Le code technicien doit compter 2 à 4 lettres majuscules (ex. « JD »).',
    ]);
    expect(screen.getByLabelText('Nom du technicien').getAttribute('aria-invalid')).toBe('true');
    expect((await getTechnicianProfile(world.db))?.name).toBe('Julien Durand');
  });

  it('a first profile submitted empty says every problem at once, the signature included', async () => {
    render(<TechnicianProfileForm current={null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le profil' }));
    await waitFor(() =>
      expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
        'Dessinez votre signature.',
      ),
    );
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('Indiquez votre nom.');
  });
});
