import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { markInvoiced } from '../../../../renderer/use-cases/office/mark-invoiced';
import { loadOfficeReview } from '../../../../renderer/use-cases/office/office-review';
import { visitWorld } from '../visits/visit-world';
import type { VisitWorld } from '../visits/visit-world';
import { signedVisit } from './office-world';

let world: VisitWorld | undefined;
afterEach(() => world?.db.close());

describe('loadOfficeReview', () => {
  it('lists the signed bordereau with its client, technician and amount; the invoice mark shows', async () => {
    world = await visitWorld();
    const report = await signedVisit(world);
    // A report row synced without its content yet: left out, not shown half.
    await world.db.table('reports').put({
      ...report,
      id: '0192b3c4-0000-7000-8000-0000000000aa',
      content: undefined,
    });

    const review = await loadOfficeReview(world.deps);
    expect(review.rows).toHaveLength(1);
    expect(review.rows[0]).toMatchObject({
      reportId: report.id,
      number: 'BI-2026-JD-0001',
      clientName: 'Cabinet Lefèvre & Associés',
      technicianName: 'Julien Durand',
      status: 'signed',
      workedMinutes: 130,
      billedMinutes: 210,
      totalHtCents: 28_000,
      invoicedAt: null,
    });
    expect(review.technicians).toEqual([['JD', 'Julien Durand']]);
    expect(review.clients).toEqual([{ id: world.clientId, name: 'Cabinet Lefèvre & Associés' }]);
    expect(review.year).toBe(2026);
    expect(review.usage).toEqual([
      expect.objectContaining({
        clientId: world.clientId,
        contractReference: 'REG-2026-001',
        billedMinutesThisYear: 210,
        bank: null,
      }),
    ]);

    world.clock.advance(60);
    await markInvoiced(world.deps, { interventionId: review.rows[0]!.interventionId });
    const after = await loadOfficeReview(world.deps);
    expect(after.rows[0]).toMatchObject({ status: 'invoiced', invoicedAt: world.clock.now() });
  });

  it('is empty on a laptop without bordereaux, each contract still listed for its usage', async () => {
    world = await visitWorld();
    const review = await loadOfficeReview(world.deps);
    expect(review.rows).toEqual([]);
    expect(review.technicians).toEqual([]);
    expect(review.usage.map((u) => [u.contractReference, u.billedMinutesThisYear])).toEqual([
      ['REG-2026-001', 0],
    ]);
  });
});
