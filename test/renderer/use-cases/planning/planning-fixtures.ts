import { instantOf } from '../../../../shared/calendar/local-date';
import { createClient } from '../../../../renderer/db/repositories/clients';
import { saveContract } from '../../../../renderer/db/repositories/contracts';
import { createSite } from '../../../../renderer/db/repositories/sites';
import type { BordereauDb } from '../../../../renderer/db/database';
import type { PlanningDeps } from '../../../../renderer/use-cases/planning/planning-deps';
import { freshDb } from '../../db/fresh-db';

export const ALICE = '0193a1b2-0000-7000-8000-00000000000a';
export const BRUNO = '0193a1b2-0000-7000-8000-00000000000b';

/** An instant from a Paris wall-clock date and "HH:MM". */
export const at = (date: string, clock: string): number => {
  const [h, m] = clock.split(':').map(Number);
  return instantOf(date, h! * 60 + m!);
};

export interface PlanningWorld {
  readonly db: BordereauDb;
  readonly deps: PlanningDeps & { setNow(ms: number): void };
  readonly clientId: string;
  readonly siteId: string;
  readonly contractId: string;
}

/** A fresh laptop database with one client, its site (default hours) and a contract. */
export async function planningWorld(
  now: number,
  contract: Record<string, unknown> = {},
): Promise<PlanningWorld> {
  const db = freshDb();
  await db.open();
  let clock = now;
  const client = await createClient(db, { name: 'Cabinet Martin' });
  const site = await createSite(db, {
    clientId: client.id,
    name: 'Cabinet',
    address: '3 quai du Port',
    postcode: '13002',
    city: 'Marseille',
  });
  const saved = await saveContract(db, {
    clientId: client.id,
    reference: 'CT-2026-014',
    startsOn: '2026-01-01',
    renewsOn: '2027-01-01',
    hourlyRateCents: 9000,
    subscriptionVisitsPerYear: 4,
    ...contract,
  });
  return {
    db,
    deps: { db, now: () => clock, setNow: (ms) => (clock = ms) },
    clientId: client.id,
    siteId: site.id,
    contractId: saved.id,
  };
}
