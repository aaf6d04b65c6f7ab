import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { instantOf } from '../../../../shared/calendar/local-date';
import { getVisit } from '../../../../renderer/db/repositories/visits';
import { SlaPanel } from '../../../../renderer/features/visits/SlaPanel';
import { useVisitContext } from '../../../../renderer/features/visits/useVisitContext';
import { startVisit } from '../../../../renderer/use-cases/visits/start-visit';
import { newVisitInput } from '../../use-cases/visits/visit-world';
import type { VisitWorld } from '../../use-cases/visits/visit-world';
import { renderAt, useAppWorldAtT0 } from './visit-screen';

function LiveSla({ id }: { id: string }) {
  const context = useVisitContext(id);
  return context ? <SlaPanel context={context} /> : <p>Chargement…</p>;
}

let world: VisitWorld;
useAppWorldAtT0((w) => (world = w));

describe('the SLA panel', () => {
  it('the call time typed in French segments is saved on the visit at once', async () => {
    const visit = await startVisit(world.deps, newVisitInput(world));
    renderAt('/v/:id', `/v/${visit.id}`, <LiveSla id={visit.id} />);
    const field = await screen.findByRole('group', { name: 'Appel du client (date et heure)' });
    const user = userEvent.setup();
    await user.click(field.querySelector<HTMLElement>('[data-type="day"]')!);
    // 23/11/2026 07:45, Paris.
    await user.keyboard('231120260745');
    await waitFor(async () =>
      expect((await getVisit(world.db, visit.id))?.header.requestedAt).toBe(
        instantOf('2026-11-23', 7 * 60 + 45),
      ),
    );
  });
});
