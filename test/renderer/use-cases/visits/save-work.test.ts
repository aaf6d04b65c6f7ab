import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getVisit, linkVisitReport } from '../../../../renderer/db/repositories/visits';
import { saveHeader, saveWork } from '../../../../renderer/use-cases/visits/save-work';
import { startVisit } from '../../../../renderer/use-cases/visits/start-visit';
import { tapTimer } from '../../../../renderer/use-cases/visits/tap-timer';
import { newVisitInput, visitWorld } from './visit-world';
import type { VisitWorld } from './visit-world';

let world: VisitWorld | undefined;
afterEach(() => world?.db.close());

describe('saveWork', () => {
  it('merges the work over what is stored', async () => {
    world = await visitWorld();
    const { id } = await startVisit(world.deps, newVisitInput(world));
    await saveWork(world.deps, { visitId: id, work: { description: 'Disque remplacé.' } });
    world.clock.advance(5);
    await saveWork(world.deps, { visitId: id, work: { travelKm: 12 } });
    expect((await getVisit(world.db, id))?.work).toMatchObject({
      description: 'Disque remplacé.',
      travelKm: 12,
    });
  });

  it('refuses a malformed part in French and keeps what was stored', async () => {
    world = await visitWorld();
    const { id } = await startVisit(world.deps, newVisitInput(world));
    await saveWork(world.deps, { visitId: id, work: { description: 'Disque remplacé.' } });
    await expect(
      saveWork(world.deps, {
        visitId: id,
        work: { parts: [{ label: 'Disque', quantity: 1.5, unitPriceCents: 100 }] },
      }),
    ).rejects.toThrow('Quantité entière attendue.');
    expect((await getVisit(world.db, id))?.work.parts).toEqual([]);
  });

  it('refuses any change to a signed visit', async () => {
    world = await visitWorld();
    const { id } = await startVisit(world.deps, newVisitInput(world));
    await tapTimer(world.deps, { visitId: id, action: 'stop' });
    await world.db.transaction('rw', world.db.interventions, world.db.outbox, () =>
      linkVisitReport(
        world!.db,
        id,
        { reportId: 'r1', number: 'BI-2026-JD-0001', status: 'signed' },
        world!.clock.now(),
      ),
    );
    await expect(
      saveWork(world.deps, { visitId: id, work: { description: 'Après coup' } }),
    ).rejects.toThrow('Cette intervention est signée');
    await expect(
      saveHeader(world.deps, { visitId: id, header: newVisitInput(world).header }),
    ).rejects.toThrow('Cette intervention est signée');
  });
});
