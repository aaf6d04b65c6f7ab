import { uuidv7 } from 'uuidv7';
import { contractSchema } from '../../../shared/billing/contract';
import { localDateOf } from '../../../shared/calendar/local-date';
import { generateDemoData } from '../../../shared/seed/demo-data';
import { putRecords } from '../../db/changes';
import type { BordereauDb } from '../../db/database';

/**
 * Fills the local database with demo clients (each with a contract) and returns how many
 * were added: none when they are already there. Written without outbox entries: demo data
 * stays on this laptop and is never pushed to the office.
 */
export async function loadDemoData(
  db: BordereauDb,
  options: { clientCount: number; equipmentPerClient: number; seed?: number; now?: number },
): Promise<number> {
  const now = options.now ?? Date.now();
  const data = generateDemoData({
    seed: options.seed ?? 2026,
    clientCount: options.clientCount,
    equipmentPerClient: options.equipmentPerClient,
    now,
  });
  const local = { origin: 'server' as const };
  return db.transaction(
    'rw',
    [
      db.clients,
      db.sites,
      db.contacts,
      db.contracts,
      db.equipment,
      db.subscriptions,
      db.catalogueItems,
      db.outbox,
    ],
    async () => {
      // The generator's ids change with the clock: a second click must not duplicate the same clients.
      const names = new Set((await db.clients.toArray()).map((c) => c.name));
      const clients = data.clients.filter((c) => !names.has(c.name));
      const added = new Set(clients.map((c) => c.id));
      const ofAdded = <T extends { clientId: string }>(rows: readonly T[]) =>
        rows.filter((r) => added.has(r.clientId));
      await putRecords(db, 'clients', clients, local);
      await putRecords(db, 'sites', ofAdded(data.sites), local);
      await putRecords(db, 'contacts', ofAdded(data.contacts), local);
      await putRecords(db, 'equipment', ofAdded(data.equipment), local);
      await putRecords(db, 'subscriptions', ofAdded(data.subscriptions), local);
      // Without a contract no visit can start: give each new demo client one.
      const contracts = clients.map((c, i) => ({
        ...contractSchema.parse({
          id: uuidv7(),
          clientId: c.id,
          reference: `CT-DEMO-${String(i + 1).padStart(3, '0')}`,
          label: 'Contrat de démonstration',
          startsOn: `${localDateOf(now).slice(0, 4)}-01-01`,
          hourlyRateCents: 6_500,
          travel: { zone: { departements: ['75', '77', '92', '93', '94', '95'] } },
        }),
        revision: null,
        updatedAt: now,
      }));
      await putRecords(db, 'contracts', contracts, local);
      const codes = new Set((await db.catalogueItems.toArray()).map((c) => c.code));
      await putRecords(
        db,
        'catalogueItems',
        data.catalogueItems.filter((c) => !codes.has(c.code)),
        local,
      );
      return clients.length;
    },
  );
}
