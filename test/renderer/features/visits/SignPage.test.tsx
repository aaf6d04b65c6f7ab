import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getVisit } from '../../../../renderer/db/repositories/visits';
import { getReport } from '../../../../renderer/db/repositories/reports';
import { SignPage } from '../../../../renderer/features/visits/SignPage';
import { saveWork } from '../../../../renderer/use-cases/visits/save-work';
import { startVisit } from '../../../../renderer/use-cases/visits/start-visit';
import { tapTimer } from '../../../../renderer/use-cases/visits/tap-timer';
import { MINUTE, newVisitInput, T0 } from '../../use-cases/visits/visit-world';
import type { VisitWorld } from '../../use-cases/visits/visit-world';
import { renderAt, useAppWorldAtT0 } from './visit-screen';

let world: VisitWorld;
useAppWorldAtT0((w) => (world = w));

/** 2 h 10 on site, its work described, stopped; the screen opened 3 minutes later. */
async function openSignature(): Promise<{
  visitId: string;
  router: ReturnType<typeof renderAt>['router'];
}> {
  const visit = await startVisit(world.deps, newVisitInput(world));
  world.clock.advance(130);
  await tapTimer(world.deps, { visitId: visit.id, action: 'stop' });
  await saveWork(world.deps, { visitId: visit.id, work: { description: 'Disque remplacé.' } });
  vi.setSystemTime(T0 + 133 * MINUTE);
  const { router } = renderAt(
    '/interventions/:visitId/signature',
    `/interventions/${visit.id}/signature`,
    <SignPage />,
  );
  await screen.findByRole('heading', { name: 'Signature du bordereau' });
  return { visitId: visit.id, router };
}

describe('the signature screen', () => {
  it('shows the client what they sign: times, billed time, amounts', async () => {
    await openSignature();
    expect(screen.getByTestId('summary-worked').textContent).toMatch(/^2\sh\s10$/);
    expect(screen.getByTestId('summary-billed').textContent).toMatch(/^3\sh\s30/);
    expect(screen.getByTestId('summary-ht').textContent).toMatch(/^280,00\s€$/);
    expect(screen.getByLabelText('Nom du signataire')).toHaveProperty('value', 'Hélène Lefèvre');
  });

  it('refuses to sign with an empty pad, in French, and writes nothing', async () => {
    const { visitId } = await openSignature();
    fireEvent.click(screen.getByRole('button', { name: 'Signer et sceller le bordereau' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Le client doit signer dans le cadre.',
    );
    expect(await world.db.reports.count()).toBe(0);
    expect((await getVisit(world.db, visitId))?.status).toBe('to-sign');
  });

  it('refuses to close without the client when the circumstances are missing', async () => {
    await openSignature();
    fireEvent.click(screen.getByLabelText('Client absent'));
    fireEvent.click(screen.getByRole('button', { name: 'Clore sans signature du client' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Décrivez les circonstances (obligatoire).',
    );
    expect(await world.db.reports.count()).toBe(0);
  });

  it('closes without the client, seals the report and opens it', async () => {
    const { visitId, router } = await openSignature();
    fireEvent.click(screen.getByLabelText('Client absent'));
    fireEvent.change(screen.getByLabelText('Circonstances (obligatoire)'), {
      target: { value: 'Client parti avant la fin.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Clore sans signature du client' }));
    await screen.findByTestId('elsewhere', {}, { timeout: 20_000 });
    const visit = await getVisit(world.db, visitId);
    expect(visit?.status).toBe('signed');
    expect(router.state.location.pathname).toBe(`/bordereaux/${visit?.reportId ?? ''}`);
    const report = await getReport(world.db, visit!.reportId!);
    expect(report).toMatchObject({ status: 'sealed', content: { number: 'BI-2026-JD-0001' } });
  });
});
