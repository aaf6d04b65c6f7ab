import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { saveClient } from '../../../../renderer/use-cases/clients/client-records';
import { saveContract } from '../../../../renderer/use-cases/contracts/save-contract';
import { freshDb } from '../../db/fresh-db';
import { testDeps } from '../deps';

let db: BordereauDb;
afterEach(() => db?.close());

describe('saveContract', () => {
  it('stores a contract validated by the billing schema at the clock’s time', async () => {
    db = freshDb();
    const deps = testDeps(db, 7000);
    const client = await saveClient(deps, { fields: { name: 'ALLANCE' } });
    const saved = await saveContract(deps, {
      clientId: client.id,
      reference: 'CT-2026-014',
      startsOn: '2026-01-01',
      hourlyRateCents: 6500,
    });
    expect(saved).toMatchObject({ reference: 'CT-2026-014', updatedAt: 7000, revision: null });
    await expect(
      saveContract(deps, {
        clientId: client.id,
        reference: 'X',
        startsOn: '2026-01-01',
        hourlyRateCents: 65.5,
      }),
    ).rejects.toThrow();
    expect(await db.contracts.count()).toBe(1);
  });
});
