import type { Queryable } from '../db/database';
import type { AuthenticatedAccount } from '../auth/tokens';

/** The clients an account may see and edit: null for the office (every client). */
export async function accountScope(
  db: Queryable,
  account: AuthenticatedAccount,
): Promise<Set<string> | null> {
  if (account.role === 'office') return null;
  const result = await db.query<{ client_id: string }>(
    'SELECT client_id FROM assignments WHERE account_id = $1',
    [account.id],
  );
  return new Set(result.rows.map((r) => r.client_id));
}

/**
 * Puts every record of a client back at the head of the change stream, so a technician who
 * was just assigned the client receives it all on the next pull, whatever their cursor.
 *
 * Run in a READ COMMITTED transaction. The UPDATE alone would miss a record a push still in
 * flight has inserted: that push commits it at its own, lower position, which the technician
 * may already have passed (their pulls skipped the client until the assignment committed), so
 * they would never receive it. Hence the lock first: it waits for the pushes in flight to end
 * (the UPDATE, a later statement, then sees their rows), and pushes starting meanwhile wait
 * for this transaction, so they write after the assignment is visible. EXCLUSIVE, not SHARE
 * ROW EXCLUSIVE: a push locks its records (SELECT … FOR UPDATE, ROW SHARE) before writing
 * them, and a lock that let it through would deadlock (our UPDATE waiting for its row lock,
 * its write for our table lock). Plain reads (pulls) are not blocked.
 */
export async function resendClient(tx: Queryable, clientId: string): Promise<number> {
  await tx.query('LOCK TABLE records IN EXCLUSIVE MODE');
  const result = await tx.query(
    `UPDATE records SET txid = pg_current_xact_id(), seq = nextval('change_seq') WHERE client_id = $1`,
    [clientId],
  );
  return result.rowCount;
}

/**
 * Gives a technician a client (the caller checked the role), in the caller's transaction;
 * re-sends the client's records when the assignment is new. Returns whether it was new.
 */
export async function grantClient(
  tx: Queryable,
  accountId: string,
  clientId: string,
  now: number,
): Promise<boolean> {
  const inserted = await tx.query(
    'INSERT INTO assignments (account_id, client_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [accountId, clientId, now],
  );
  // The technician's cursor may be past this client's records: send them again.
  if (inserted.rowCount !== 1) return false;
  await resendClient(tx, clientId);
  return true;
}
