import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getVisit } from '../../../../renderer/db/repositories/visits';
import { startVisit } from '../../../../renderer/use-cases/visits/start-visit';
import { newVisitInput, T0, visitWorld } from './visit-world';
import type { VisitWorld } from './visit-world';

let world: VisitWorld | undefined;
afterEach(() => world?.db.close());

describe('startVisit', () => {
  it('creates the visit already started, in one write: one record, one outbox entry', async () => {
    world = await visitWorld();
    const outboxBefore = await world.db.outbox.count();
    const visit = await startVisit(world.deps, {
      ...newVisitInput(world),
      equipmentIds: ['0192b3c4-0000-7000-8000-0000000000e1'],
    });
    expect(visit).toMatchObject({ status: 'in-progress', startedAt: T0, createdAt: T0 });
    expect(visit.events).toEqual([{ id: expect.any(String) as unknown, type: 'start', at: T0 }]);
    expect(visit.work.equipment).toEqual([
      { equipmentId: '0192b3c4-0000-7000-8000-0000000000e1', discoveredAt: null },
    ]);
    expect(await getVisit(world.db, visit.id)).toEqual(visit);
    const entries = await world.db.outbox.toArray();
    expect(entries.length - outboxBefore).toBe(1);
    expect(entries.at(-1)).toMatchObject({ entity: 'interventions', recordId: visit.id });
  });

  it.each([
    ['no site', { siteId: '' }, 'Choisissez le site.'],
    ['no contract', { contractId: '' }, 'Choisissez le contrat.'],
    ['no request', { header: { request: ' ' } }, 'Indiquez l’objet de la demande.'],
  ])('refuses %s in French and writes nothing', async (_name, change, message) => {
    world = await visitWorld();
    const input = newVisitInput(world);
    const { header: headerChange, ...rest } = change as {
      header?: Record<string, unknown>;
      [key: string]: unknown;
    };
    await expect(
      startVisit(world.deps, {
        ...input,
        ...rest,
        header: { ...input.header, ...headerChange },
      }),
    ).rejects.toThrow(message);
    expect(await world.db.interventions.count()).toBe(0);
  });
});
