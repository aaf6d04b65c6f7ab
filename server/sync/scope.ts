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
 */
export async function resendClient(tx: Queryable, clientId: string): Promise<number> {
  const result = await tx.query(
    `UPDATE records SET txid = pg_current_xact_id(), seq = nextval('change_seq') WHERE client_id = $1`,
    [clientId],
  );
  return result.rowCount;
}
