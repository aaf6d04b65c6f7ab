import { describe, expect, it } from 'vitest';
import { generateRecurringVisits } from '../../../../renderer/use-cases/planning/generate-recurring-visits';
import { ALICE, at, planningWorld } from './planning-fixtures';

describe('generateRecurringVisits', () => {
  it('plans the contract’s visits from today on, each with its request and an empty needs log', async () => {
    const w = await planningWorld(at('2026-03-01', '10:00'));
    const result = await generateRecurringVisits(w.deps, {
      contractId: w.contractId,
      siteId: w.siteId,
      technicianIds: [ALICE],
    });
    // 4 visits in 2026: 16 February (past), 18 May, 17 August, 16 November (docs/planning.md).
    expect(result).toEqual({ created: 3, alreadyPlanned: 0, past: 1 });
    const jobs = await w.db.jobs.orderBy('date').toArray();
    expect(jobs.map((j) => j.date)).toEqual(['2026-05-18', '2026-08-17', '2026-11-16']);
    expect(jobs[0]).toMatchObject({
      slot: { from: '09:00', to: '12:30' },
      technicianIds: [ALICE],
      needsLog: { items: [], validatedAt: null },
    });
    const requests = await w.db.requests.bulkGet(jobs.map((j) => j.requestId));
    expect(requests.map((r) => r?.kind)).toEqual([
      'planned-visit',
      'planned-visit',
      'planned-visit',
    ]);
    expect(requests[0]?.description).toBe(
      'Visite d’infogérance 2/4 (année 1) — contrat CT-2026-014',
    );
    expect(await w.db.outbox.count()).toBeGreaterThanOrEqual(6 + 3);

    // Run again: nothing planned twice.
    expect(
      await generateRecurringVisits(w.deps, {
        contractId: w.contractId,
        siteId: w.siteId,
        technicianIds: [ALICE],
      }),
    ).toEqual({ created: 0, alreadyPlanned: 3, past: 1 });
    expect(await w.db.jobs.count()).toBe(3);
  });

  it('refuses a contract without visits per year, in French', async () => {
    const w = await planningWorld(at('2026-03-01', '10:00'), { subscriptionVisitsPerYear: null });
    await expect(
      generateRecurringVisits(w.deps, {
        contractId: w.contractId,
        siteId: w.siteId,
        technicianIds: [ALICE],
      }),
    ).rejects.toThrow(
      'Ce contrat ne prévoit pas de visites planifiées (nombre de visites par an).',
    );
    expect(await w.db.jobs.count()).toBe(0);
  });
});
