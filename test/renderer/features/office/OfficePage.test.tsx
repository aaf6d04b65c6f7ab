import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { uuidv7 } from 'uuidv7';
import { afterEach, describe, expect, it } from 'vitest';
import { OfficePage } from '../../../../renderer/features/office/OfficePage';
import { startVisit } from '../../../../renderer/use-cases/visits/start-visit';
import { draftReport, plain, sealedReport } from '../../../server/report-fixture';
import { logInAsOffice } from '../../use-cases/office/office-server-stub';
import { newVisitInput } from '../../use-cases/visits/visit-world';
import type { VisitWorld } from '../../use-cases/visits/visit-world';
import { appWorld, renderAt } from '../visits/visit-screen';
import { typeDate } from '../../ui/type-date';

let world: VisitWorld | undefined;
afterEach(() => world?.db.close());

/**
 * The office laptop: Jean Dupont's signed BI-2026-JD-0001 for the visit started here, and
 * Marie Curie's bordereau still to sign, both for the world's client.
 */
async function officeLaptop(role: 'office' | 'technician' = 'office'): Promise<string> {
  world = await appWorld();
  await logInAsOffice(world.db, role);
  const visit = await startVisit(world.deps, newVisitInput(world));
  const signedId = uuidv7();
  await world.db.table('reports').put({
    id: signedId,
    interventionId: visit.id,
    clientId: world.clientId,
    ...plain(await sealedReport(signedId)),
    revision: 4,
    updatedAt: 1,
  });
  const draftId = uuidv7();
  await world.db.table('reports').put({
    id: draftId,
    interventionId: uuidv7(),
    clientId: world.clientId,
    ...plain(draftReport(draftId, 1, { name: 'Marie Curie', code: 'MC' })),
    revision: 5,
    updatedAt: 1,
  });
  return visit.id;
}

const rows = () => within(screen.getByTestId('office-table')).getAllByRole('row').slice(1);
const count = () => screen.getByTestId('office-count').textContent;

describe('the office review', () => {
  it('lists every bordereau, filters by technician and status, and marks one invoiced', async () => {
    const visitId = await officeLaptop();
    renderAt('/bureau', '/bureau', <OfficePage />);
    await waitFor(() => expect(count()).toBe('2 intervention(s)'));
    const signed = rows().find((r) => r.textContent?.includes('BI-2026-JD-0001'))!;
    expect(signed.textContent).toContain('Signé');
    expect(signed.textContent).toContain('Jean Dupont');

    fireEvent.change(screen.getByLabelText('Technicien'), { target: { value: 'MC' } });
    await waitFor(() => expect(count()).toBe('1 intervention(s)'));
    expect(rows()[0]?.textContent).toContain('À signer');
    fireEvent.change(screen.getByLabelText('Technicien'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Statut'), { target: { value: 'invoiced' } });
    await waitFor(() => expect(count()).toBe('0 intervention(s)'));
    fireEvent.change(screen.getByLabelText('Statut'), { target: { value: '' } });
    await waitFor(() => expect(count()).toBe('2 intervention(s)'));

    fireEvent.click(screen.getByRole('button', { name: 'Marquer facturé' }));
    await screen.findByRole('button', { name: 'Annuler « facturé »' });
    const stored = (await world!.db.interventions.get(visitId)) as unknown as {
      invoicedAt: number | null;
    };
    expect(typeof stored.invoicedAt).toBe('number');
    expect(rows().find((r) => r.textContent?.includes('BI-2026-JD-0001'))?.textContent).toContain(
      'Facturé',
    );
    fireEvent.change(screen.getByLabelText('Statut'), { target: { value: 'invoiced' } });
    await waitFor(() => expect(count()).toBe('1 intervention(s)'));
  });

  it('says so when the period ends before it starts', async () => {
    await officeLaptop();
    renderAt('/bureau', '/bureau', <OfficePage />);
    await waitFor(() => expect(count()).toBe('2 intervention(s)'));
    await typeDate('Du', '2026-12-01');
    await typeDate('Au', '2026-11-01');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'La fin de la période précède son début.',
    );
    expect(count()).toBe('0 intervention(s)');
  });

  it('is for office accounts only', async () => {
    await officeLaptop('technician');
    renderAt('/bureau', '/bureau', <OfficePage />);
    await screen.findByText(/Cet écran est réservé aux comptes du bureau/);
    expect(screen.queryByTestId('office-table')).toBeNull();
  });
});
