import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { listVisits } from '../../../../renderer/db/repositories/visits';
import { NewVisitPage } from '../../../../renderer/features/visits/NewVisitPage';
import { T0 } from '../../use-cases/visits/visit-world';
import type { VisitWorld } from '../../use-cases/visits/visit-world';
import { renderAt, useAppWorldAtT0 } from './visit-screen';

let world: VisitWorld;
useAppWorldAtT0((w) => (world = w));

function openForm() {
  return renderAt(
    '/interventions/nouvelle',
    `/interventions/nouvelle?client=${world.clientId}`,
    <NewVisitPage />,
  );
}

describe('starting a visit', () => {
  it('offers the client’s site and contract, then stores the visit already started', async () => {
    const { router } = openForm();
    await waitFor(() =>
      expect(screen.getByLabelText('Site')).toHaveProperty('value', world.siteId),
    );
    expect(screen.getByLabelText('Contrat')).toHaveProperty('value', world.contractId);
    fireEvent.change(screen.getByLabelText('Objet de la demande'), {
      target: { value: 'Serveur lent' },
    });
    fireEvent.change(screen.getByLabelText('Représentant du client présent'), {
      target: { value: 'Hélène Lefèvre' },
    });
    fireEvent.click(screen.getByLabelText(/Le client confirme disposer d’une sauvegarde/));
    fireEvent.click(screen.getByRole('button', { name: 'Démarrer l’intervention' }));
    await screen.findByTestId('elsewhere');

    const [visit] = await listVisits(world.db);
    expect(router.state.location.pathname).toBe(`/interventions/${visit?.id ?? ''}`);
    expect(visit).toMatchObject({
      siteId: world.siteId,
      contractId: world.contractId,
      status: 'in-progress',
      startedAt: T0,
      header: {
        request: 'Serveur lent',
        representative: { name: 'Hélène Lefèvre', role: '' },
        clientConfirmedBackup: true,
        includedInSubscription: false,
      },
    });
    expect(visit?.events).toMatchObject([{ type: 'start', at: T0 }]);
  });

  it('refuses a visit without its request, in French, and stores nothing', async () => {
    openForm();
    await waitFor(() =>
      expect(screen.getByLabelText('Site')).toHaveProperty('value', world.siteId),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Démarrer l’intervention' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Indiquez l’objet de la demande.');
    expect(await world.db.interventions.count()).toBe(0);
  });
});
