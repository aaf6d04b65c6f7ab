import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setDb } from '../../../../renderer/db/database';
import type { BordereauDb } from '../../../../renderer/db/database';
import { getVisit } from '../../../../renderer/db/repositories/visits';
import { StartJobForm } from '../../../../renderer/features/today/StartJobForm';
import { freshDb } from '../../db/fresh-db';
import { at, DAY, ids, seedMorning } from '../../use-cases/today/today-fixtures';
import { renderAt } from '../visits/visit-screen';

let db: BordereauDb;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at(DAY, '10:05'));
  db = freshDb();
  await seedMorning(db);
  setDb(db);
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
});

const start = () => renderAt('/aujourdhui', '/aujourdhui', <StartJobForm jobId={ids.job} />);

describe('StartJobForm (today’s job, on arrival)', () => {
  it('starts the visit with who is present and the backup answer, then opens it', async () => {
    const { router } = start();
    fireEvent.change(screen.getByLabelText('Représentant du client présent'), {
      target: { value: 'Hélène Lefèvre' },
    });
    fireEvent.change(screen.getByLabelText('Fonction'), { target: { value: 'Gérante' } });
    fireEvent.click(screen.getByLabelText(/Le client confirme disposer d’une sauvegarde récente/));
    fireEvent.click(screen.getByRole('button', { name: 'Démarrer l’intervention' }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/interventions\//));
    const visitId = router.state.location.pathname.split('/').pop()!;
    const visit = await getVisit(db, visitId);
    expect(visit?.header).toMatchObject({
      representative: { name: 'Hélène Lefèvre', role: 'Gérante' },
      clientConfirmedBackup: true,
    });
  });

  it('refuses a name over 200 characters with its French message under the field', async () => {
    const { router } = start();
    fireEvent.change(screen.getByLabelText('Représentant du client présent'), {
      target: { value: 'x'.repeat(201) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Démarrer l’intervention' }));
    expect(await screen.findByText('200 caractères au plus.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/aujourdhui');
    expect(await db.interventions.count()).toBe(0);
  });
});
