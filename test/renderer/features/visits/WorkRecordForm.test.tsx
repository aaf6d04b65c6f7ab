import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getVisit } from '../../../../renderer/db/repositories/visits';
import { useVisitContext } from '../../../../renderer/features/visits/useVisitContext';
import { WorkRecordForm } from '../../../../renderer/features/visits/WorkRecordForm';
import { saveWork } from '../../../../renderer/use-cases/visits/save-work';
import { startVisit } from '../../../../renderer/use-cases/visits/start-visit';
import { newVisitInput } from '../../use-cases/visits/visit-world';
import type { VisitWorld } from '../../use-cases/visits/visit-world';
import { renderAt, useAppWorldAtT0 } from './visit-screen';

function LiveWork({ id }: { id: string }) {
  const context = useVisitContext(id);
  return context ? <WorkRecordForm context={context} /> : <p>Chargement…</p>;
}

let world: VisitWorld;
useAppWorldAtT0((w) => (world = w));

describe('the work record', () => {
  it('saves the description when it loses focus', async () => {
    const visit = await startVisit(world.deps, newVisitInput(world));
    renderAt('/v/:id', `/v/${visit.id}`, <LiveWork id={visit.id} />);
    const description = await screen.findByLabelText('Travaux réalisés');
    fireEvent.change(description, { target: { value: 'Disque n° 3 remplacé.' } });
    fireEvent.blur(description);
    await screen.findByText('Enregistré.');
    expect((await getVisit(world.db, visit.id))?.work.description).toBe('Disque n° 3 remplacé.');
  });

  it('refuses an emptied description in French and keeps the stored one', async () => {
    const visit = await startVisit(world.deps, newVisitInput(world));
    await saveWork(world.deps, { visitId: visit.id, work: { description: 'Disque remplacé.' } });
    renderAt('/v/:id', `/v/${visit.id}`, <LiveWork id={visit.id} />);
    const description = await screen.findByLabelText('Travaux réalisés');
    fireEvent.change(description, { target: { value: '   ' } });
    fireEvent.blur(description);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Travaux réalisés : champ obligatoire.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le compte rendu' }));
    expect(screen.getByRole('alert').textContent).toBe('Travaux réalisés : champ obligatoire.');
    expect(screen.queryByText('Enregistré.')).toBeNull();
    expect((await getVisit(world.db, visit.id))?.work.description).toBe('Disque remplacé.');
  });

  it('adds a part typed by hand at its price in euros, read by the shared parser', async () => {
    const visit = await startVisit(world.deps, newVisitInput(world));
    renderAt('/v/:id', `/v/${visit.id}`, <LiveWork id={visit.id} />);
    fireEvent.change(await screen.findByLabelText('Pièce hors catalogue'), {
      target: { value: 'Câble RJ45 3 m' },
    });
    const price = screen.getByLabelText('Prix unitaire HT (€)');
    const add = screen.getByRole('button', { name: 'Ajouter la pièce' });
    fireEvent.change(price, { target: { value: '12,5x' } });
    expect(add).toHaveProperty('disabled', true);
    fireEvent.change(price, { target: { value: '12,50' } });
    fireEvent.click(add);
    await waitFor(async () =>
      expect((await getVisit(world.db, visit.id))?.work.parts).toMatchObject([
        { label: 'Câble RJ45 3 m', quantity: 1, unitPriceCents: 1_250 },
      ]),
    );
  });
});
