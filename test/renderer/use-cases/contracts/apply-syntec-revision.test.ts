import { afterEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { BordereauDb } from '../../../../renderer/db/database';
import { createClient } from '../../../../renderer/db/repositories/clients';
import { saveContract } from '../../../../renderer/db/repositories/contracts';
import { applySyntecRevisionToContract } from '../../../../renderer/use-cases/contracts/apply-syntec-revision';
import { loadSyntecRevisionsDue } from '../../../../renderer/use-cases/contracts/use-syntec-revisions-due';
import { SyntecError } from '../../../../shared/billing/syntec';
import { freshDb } from '../../db/fresh-db';
import { readOutbox } from '../../../../renderer/db/outbox';

let db: BordereauDb | null = null;
afterEach(async () => {
  db?.close();
  db = null;
});

const NOW = Date.UTC(2026, 2, 16, 9, 0);

async function seed() {
  db = freshDb();
  const client = await createClient(db, { name: 'Cabinet Lefèvre' });
  const contract = await saveContract(db, {
    clientId: client.id,
    reference: 'CT-002',
    startsOn: '2025-03-15',
    hourlyRateCents: 6500,
    coverage: { subscriptionPriceCents: 45000 },
    syntec: { index: '300', revisedOn: '2025-03-15', rounding: 'euro-up' },
  });
  await db.outbox.clear();
  return { db, contract };
}

describe('applying a SYNTEC revision (002 art. IV.2.3)', () => {
  it('lists the contract as due on its anniversary, then writes the new price and its history, queued for sync', async () => {
    const { db, contract } = await seed();
    const due = await loadSyntecRevisionsDue(db, '2026-03-16');
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({
      clientName: 'Cabinet Lefèvre',
      dueOn: '2026-03-15',
      status: 'due',
      fromCents: 45000,
      s0: '300',
    });

    const saved = await applySyntecRevisionToContract(
      { db, now: () => NOW },
      { contractId: contract.id, on: '2026-03-15', index: '306,5', indexMonth: '2026-01' },
    );
    // 450 × 306,5 / 300 = 459,75 → 460 € under the clause.
    expect(saved.coverage.subscriptionPriceCents).toBe(46000);
    const stored = await db.contracts.get(contract.id);
    expect(stored?.coverage.subscriptionPriceCents).toBe(46000);
    expect(stored?.syntec?.history).toEqual([
      {
        on: '2026-03-15',
        s0: '300',
        s1: '306,5',
        fromCents: 45000,
        toCents: 46000,
        indexMonth: '2026-01',
      },
    ]);
    expect(stored?.syntec).toMatchObject({ index: '306,5', revisedOn: '2026-03-15' });
    expect(stored?.updatedAt).toBe(NOW);
    const outbox = await readOutbox(db);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ entity: 'contracts', recordId: contract.id });
    expect(outbox[0]!.changes).toMatchObject({ coverage: { subscriptionPriceCents: 46000 } });

    // The next one is due a year later, from the revised price.
    const next = await loadSyntecRevisionsDue(db, '2026-03-16');
    expect(next[0]).toMatchObject({ dueOn: '2027-03-15', status: 'upcoming', fromCents: 46000 });
  });

  it('refuses a date before the one the contract states, and a badly typed index, writing nothing', async () => {
    const { db, contract } = await seed();
    await expect(
      applySyntecRevisionToContract(
        { db, now: () => NOW },
        { contractId: contract.id, on: '2026-03-14', index: '306', indexMonth: '2026-01' },
      ),
    ).rejects.toThrow(SyntecError);
    await expect(
      applySyntecRevisionToContract(
        { db, now: () => NOW },
        { contractId: contract.id, on: '2026-03-15', index: '306 points', indexMonth: '2026-01' },
      ),
    ).rejects.toThrow(ZodError);
    await expect(
      applySyntecRevisionToContract(
        { db, now: () => NOW },
        { contractId: contract.id, on: '2026-03-15', index: '306', indexMonth: '2026-13' },
      ),
    ).rejects.toThrow('Mois de l’indice attendu');
    expect((await db.contracts.get(contract.id))?.syntec?.history).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
  });
});
