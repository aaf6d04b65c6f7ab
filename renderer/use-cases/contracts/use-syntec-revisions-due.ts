import { useLiveQuery } from 'dexie-react-hooks';
import { contractSchema } from '../../../shared/billing/contract';
import { syntecRevisionsDue } from '../../../shared/billing/syntec-due';
import type { SyntecDue } from '../../../shared/billing/syntec-due';
import type { LocalDate } from '../../../shared/calendar/local-date';
import { getDb } from '../../db/database';
import type { BordereauDb } from '../../db/database';

export interface SyntecDueRow extends SyntecDue {
  readonly clientName: string;
}

/** Every indexed contract on this laptop with its next revision, the client's name beside. */
export async function loadSyntecRevisionsDue(
  db: BordereauDb,
  today: LocalDate,
): Promise<readonly SyntecDueRow[]> {
  const [contracts, clients] = await Promise.all([db.contracts.toArray(), db.clients.toArray()]);
  const names = new Map(clients.map((c) => [c.id, c.name]));
  // Stored contracts are parsed again so ones written by an older version get today's defaults.
  const parsed = contracts.flatMap((c) => {
    const result = contractSchema.safeParse(c);
    return result.success ? [result.data] : [];
  });
  return syntecRevisionsDue(parsed, today).map((due) => ({
    ...due,
    clientName: names.get(due.contract.clientId) ?? '—',
  }));
}

/** The office's list of SYNTEC revisions, live: undefined while loading. */
export function useSyntecRevisionsDue(today: LocalDate): readonly SyntecDueRow[] | undefined {
  const db = getDb();
  return useLiveQuery(() => loadSyntecRevisionsDue(db, today), [db, today]);
}
