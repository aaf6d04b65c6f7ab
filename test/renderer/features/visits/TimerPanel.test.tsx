import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getVisit } from '../../../../renderer/db/repositories/visits';
import { TimerPanel } from '../../../../renderer/features/visits/TimerPanel';
import { useVisitContext } from '../../../../renderer/features/visits/useVisitContext';
import { startVisit } from '../../../../renderer/use-cases/visits/start-visit';
import { MINUTE, newVisitInput, T0 } from '../../use-cases/visits/visit-world';
import type { VisitWorld } from '../../use-cases/visits/visit-world';
import { renderAt, useAppWorldAtT0 } from './visit-screen';

function LiveTimer({ id }: { id: string }) {
  const context = useVisitContext(id);
  return context ? <TimerPanel context={context} /> : <p>Chargement…</p>;
}

let world: VisitWorld;
useAppWorldAtT0((w) => (world = w));

describe('the timer panel', () => {
  it('a tap on Pause records the pause in IndexedDB, then offers Reprendre', async () => {
    const visit = await startVisit(world.deps, newVisitInput(world));
    renderAt('/v/:id', `/v/${visit.id}`, <LiveTimer id={visit.id} />);
    expect(await screen.findByTestId('timer-state')).toHaveProperty('textContent', 'En cours');

    vi.setSystemTime(T0 + 40 * MINUTE);
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    await screen.findByRole('button', { name: 'Reprendre' });
    const stored = await getVisit(world.db, visit.id);
    expect(stored?.events.map((e) => e.type)).toEqual(['start', 'pause']);
    expect(stored?.events.at(-1)).toMatchObject({ type: 'pause', at: T0 + 40 * MINUTE });
    expect(screen.getByTestId('timer-state').textContent).toBe('En pause');
    expect(screen.getByTestId('worked-time').textContent).toMatch(/^40\smin$/);
  });

  it('shows the billed time and the price under the contract as it runs', async () => {
    const visit = await startVisit(world.deps, newVisitInput(world));
    vi.setSystemTime(T0 + 130 * MINUTE);
    renderAt('/v/:id', `/v/${visit.id}`, <LiveTimer id={visit.id} />);
    // 2 h 10 on site: the half-day step, 3 h 30 at 80 € HT an hour.
    await waitFor(() =>
      expect(screen.getByTestId('billed-time').textContent).toMatch(/^3\sh\s30$/),
    );
    expect(screen.getByTestId('price-preview').textContent).toMatch(/^280,00\s€ HT/);
  });

  it('Terminer la visite moves it to sign and leaves no button to tap', async () => {
    const visit = await startVisit(world.deps, newVisitInput(world));
    renderAt('/v/:id', `/v/${visit.id}`, <LiveTimer id={visit.id} />);
    vi.setSystemTime(T0 + 60 * MINUTE);
    fireEvent.click(await screen.findByRole('button', { name: 'Terminer la visite' }));
    await waitFor(() => expect(screen.getByTestId('timer-state').textContent).toBe('Terminée'));
    expect(screen.queryByRole('button')).toBeNull();
    expect((await getVisit(world.db, visit.id))?.status).toBe('to-sign');
  });
});
