import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { markInvoiced, unmarkInvoiced } from '../../../../renderer/use-cases/office/mark-invoiced';
import { startVisit } from '../../../../renderer/use-cases/visits/start-visit';
import { newVisitInput, T0, visitWorld } from '../visits/visit-world';
import type { VisitWorld } from '../visits/visit-world';

let world: VisitWorld | undefined;
afterEach(() => world?.db.close());

describe('markInvoiced', () => {
  it('marks the visit invoiced at the clock’s time, queued for sync; unmark takes it back', async () => {
    world = await visitWorld();
    const { id } = await startVisit(world.deps, newVisitInput(world));
    world.clock.advance(60 * 24);
    const before = await world.db.outbox.count();
    await markInvoiced(world.deps, { interventionId: id });
    const marked = (await world.db.interventions.get(id)) as unknown as { invoicedAt: number };
    expect(marked.invoicedAt).toBe(T0 + 24 * 3600_000);
    expect(await world.db.outbox.count()).toBeGreaterThan(before);

    await unmarkInvoiced(world.deps, { interventionId: id });
    const unmarked = (await world.db.interventions.get(id)) as unknown as { invoicedAt: null };
    expect(unmarked.invoicedAt).toBeNull();
  });

  it('refuses an empty id and an unknown visit', async () => {
    world = await visitWorld();
    await expect(markInvoiced(world.deps, { interventionId: '' })).rejects.toThrow(
      'Intervention introuvable.',
    );
    await expect(
      markInvoiced(world.deps, { interventionId: '0192b3c4-0000-7000-8000-0000000000ff' }),
    ).rejects.toThrow();
  });
});
