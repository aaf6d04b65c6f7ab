import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { instantOf } from '../../../../shared/calendar/local-date';
import { getVisit } from '../../../../renderer/db/repositories/visits';
import { TimeCorrections } from '../../../../renderer/features/visits/TimeCorrections';
import { useVisitContext } from '../../../../renderer/features/visits/useVisitContext';
import { startVisit } from '../../../../renderer/use-cases/visits/start-visit';
import { newVisitInput } from '../../use-cases/visits/visit-world';
import type { VisitWorld } from '../../use-cases/visits/visit-world';
import { renderAt, useAppWorldAtT0 } from './visit-screen';

function LiveCorrections({ id }: { id: string }) {
  const context = useVisitContext(id);
  return context ? <TimeCorrections visit={context.visit} /> : <p>Chargement…</p>;
}

/** The segmented « Heure réelle » field, without react-aria's bidi marks. */
const shownTime = () =>
  screen
    .getByRole('group', { name: 'Heure réelle' })
    .textContent!.replace(/[\u2066-\u2069\u200e\u200f]/g, '')
    .trim();

let world: VisitWorld;
useAppWorldAtT0((w) => (world = w));

describe('the time corrections form', () => {
  it('corrects the start to 08:50 typed in French segments, reason required', async () => {
    const visit = await startVisit(world.deps, newVisitInput(world));
    renderAt('/v/:id', `/v/${visit.id}`, <LiveCorrections id={visit.id} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Corriger' }));
    // The start at 08:00 UTC reads on the Paris clock, day first, 24 h.
    expect(shownTime()).toMatch(/^23\/11\/2026\s09:00$/);

    // react-aria marks each segment with its type: the hour, then on to the minutes.
    const hour = screen
      .getByRole('group', { name: 'Heure réelle' })
      .querySelector<HTMLElement>('[data-type="hour"]')!;
    await user.click(hour);
    await user.keyboard('0850');
    expect(shownTime()).toMatch(/^23\/11\/2026\s08:50$/);

    await user.click(screen.getByRole('button', { name: 'Enregistrer la correction' }));
    expect(
      await screen.findByText(
        'Indiquez la raison de la correction : elle figure sur le bordereau.',
      ),
    ).toBeTruthy();
    expect((await getVisit(world.db, visit.id))?.events.map((e) => e.type)).toEqual(['start']);

    await user.type(screen.getByLabelText('Raison de la correction'), 'Minuteur lancé en retard');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la correction' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Annuler' })).toBeNull());
    const stored = await getVisit(world.db, visit.id);
    expect(stored?.events.at(-1)).toMatchObject({
      type: 'correct',
      target: visit.events[0]!.id,
      at: instantOf('2026-11-23', 8 * 60 + 50),
      reason: 'Minuteur lancé en retard',
    });
    // The live query brings the stored correction back to the table.
    await waitFor(() =>
      expect(screen.getByRole('table').textContent).toContain(
        '23/11/2026 à 08:50 — Minuteur lancé en retard',
      ),
    );
  });

  it('an emptied time is refused in French and nothing is stored', async () => {
    const visit = await startVisit(world.deps, newVisitInput(world));
    renderAt('/v/:id', `/v/${visit.id}`, <LiveCorrections id={visit.id} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Corriger' }));
    for (const segment of screen.getAllByRole('spinbutton').reverse()) {
      await user.click(segment);
      await user.keyboard('{Backspace}{Backspace}{Backspace}{Backspace}');
    }
    expect(shownTime()).toBe('jj/mm/aaaa ––:––');
    await user.type(screen.getByLabelText('Raison de la correction'), 'Oubli');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la correction' }));
    expect(await screen.findByText('Indiquez l’heure corrigée.')).toBeTruthy();
    expect((await getVisit(world.db, visit.id))?.events).toHaveLength(1);
  });
});
