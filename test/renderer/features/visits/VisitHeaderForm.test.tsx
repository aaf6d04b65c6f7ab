import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getVisit } from '../../../../renderer/db/repositories/visits';
import { VisitHeaderForm } from '../../../../renderer/features/visits/VisitHeaderForm';
import { startVisit } from '../../../../renderer/use-cases/visits/start-visit';
import { newVisitInput, T0 } from '../../use-cases/visits/visit-world';
import type { VisitWorld } from '../../use-cases/visits/visit-world';
import { useAppWorldAtT0 } from './visit-screen';

let world: VisitWorld;
useAppWorldAtT0((w) => (world = w));

async function openHeader(requestedAt: number | null) {
  const input = newVisitInput(world);
  const visit = await startVisit(world.deps, {
    ...input,
    header: { ...input.header, requestedAt },
  });
  const onDone = vi.fn();
  render(<VisitHeaderForm visitId={visit.id} header={visit.header} onDone={onDone} />);
  return { visitId: visit.id, onDone };
}

describe('the header correction', () => {
  it('shows what was said at the start and stores the correction, keeping when the client called', async () => {
    const calledAt = T0 - 45 * 60_000;
    const { visitId, onDone } = await openHeader(calledAt);
    expect(screen.getByLabelText('Représentant du client présent')).toHaveProperty(
      'value',
      'Hélène Lefèvre',
    );
    fireEvent.change(screen.getByLabelText('Représentant du client présent'), {
      target: { value: '  Paul Martin ' },
    });
    fireEvent.change(screen.getByLabelText('Fonction'), { target: { value: 'Associé' } });
    fireEvent.change(screen.getByLabelText('Mode'), { target: { value: 'remote' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    const stored = await getVisit(world.db, visitId);
    expect(stored?.header).toMatchObject({
      mode: 'remote',
      representative: { name: 'Paul Martin', role: 'Associé' },
      requestedAt: calledAt,
      request: 'Serveur lent',
    });
  });

  it('refuses an emptied request in French and keeps the stored header', async () => {
    const { visitId, onDone } = await openHeader(null);
    fireEvent.change(screen.getByLabelText('Objet de la demande'), { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Indiquez l’objet de la demande.');
    expect(onDone).not.toHaveBeenCalled();
    expect((await getVisit(world.db, visitId))?.header.request).toBe('Serveur lent');
  });

  it('a blank representative name means nobody was present', async () => {
    const { visitId, onDone } = await openHeader(null);
    fireEvent.change(screen.getByLabelText('Représentant du client présent'), {
      target: { value: '' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect((await getVisit(world.db, visitId))?.header.representative).toBeNull();
  });
});
