import type {
  AccountSummary,
  BulkAssignmentRequest,
  UpdateAccountRequest,
} from '../../shared/admin/admin-protocol';
import type { Role } from '../../shared/sync/protocol';
import { hashPassword } from '../auth/password';
import { revokeAccountTokens } from '../auth/tokens';
import type { Database, Queryable } from '../db/database';
import { ApiHttpError } from '../http/api-error';
import { grantClient } from '../sync/scope';

const notFound = (message = 'Compte introuvable.') =>
  new ApiHttpError(404, { error: 'not_found', message });

/** Every account with its devices (last push seen) and the clients assigned to it. */
export async function listAccounts(db: Queryable): Promise<AccountSummary[]> {
  const accounts = await db.query<{
    id: string;
    email: string;
    name: string;
    role: Role;
    disabled: boolean;
    created_at: number;
  }>('SELECT id, email, name, role, disabled, created_at FROM accounts ORDER BY email');
  const devices = await db.query<{
    device_id: string;
    account_id: string;
    last_push_at: number | null;
  }>(
    'SELECT device_id, account_id, last_push_at FROM devices ORDER BY last_push_at DESC NULLS LAST',
  );
  const assignments = await db.query<{ account_id: string; client_id: string }>(
    'SELECT account_id, client_id FROM assignments ORDER BY client_id',
  );
  return accounts.rows.map((a) => ({
    id: a.id,
    email: a.email,
    name: a.name,
    role: a.role,
    disabled: a.disabled,
    createdAt: Number(a.created_at),
    devices: devices.rows
      .filter((d) => d.account_id === a.id)
      .map((d) => ({
        deviceId: d.device_id,
        lastPushAt: d.last_push_at === null ? null : Number(d.last_push_at),
      })),
    clientIds: assignments.rows.filter((r) => r.account_id === a.id).map((r) => r.client_id),
  }));
}

/** Renames an account or changes its role; the office cannot demote itself. */
export async function updateAccount(
  db: Queryable,
  id: string,
  request: UpdateAccountRequest,
  actingAccountId: string,
): Promise<void> {
  if (id === actingAccountId && request.role !== undefined && request.role !== 'office') {
    throw new ApiHttpError(409, {
      error: 'conflict',
      message: 'Vous ne pouvez pas retirer le rôle bureau à votre propre compte.',
    });
  }
  const updated = await db.query(
    'UPDATE accounts SET name = coalesce($2, name), role = coalesce($3, role) WHERE id = $1',
    [id, request.name ?? null, request.role ?? null],
  );
  if (updated.rowCount === 0) throw notFound();
}

/**
 * Sets a new password (a technician who forgot theirs) and ends every session of the account:
 * whoever knew the old password is logged out.
 */
export async function resetPassword(
  db: Database,
  id: string,
  password: string,
  now: number,
): Promise<{ revoked: number }> {
  const hash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const updated = await tx.query('UPDATE accounts SET password_hash = $2 WHERE id = $1', [
      id,
      hash,
    ]);
    if (updated.rowCount === 0) throw notFound();
    return { revoked: await revokeAccountTokens(tx, id, now) };
  });
}

/**
 * Gives (or takes back) several clients to several technicians in one transaction. Every
 * account must be a technician; a new assignment re-sends the client's records (scope.ts).
 */
export async function setAssignments(
  tx: Queryable,
  request: BulkAssignmentRequest,
  now: number,
): Promise<{ changed: number }> {
  const technicians = await tx.query<{ id: string }>(
    `SELECT id FROM accounts WHERE id = ANY($1::uuid[]) AND role = 'technician'`,
    [request.accountIds],
  );
  if (technicians.rows.length !== new Set(request.accountIds).size) {
    throw notFound('Technicien introuvable (compte inconnu ou du bureau).');
  }
  let changed = 0;
  for (const accountId of request.accountIds) {
    for (const clientId of request.clientIds) {
      if (request.assigned) {
        if (await grantClient(tx, accountId, clientId, now)) changed++;
      } else {
        const removed = await tx.query(
          'DELETE FROM assignments WHERE account_id = $1 AND client_id = $2',
          [accountId, clientId],
        );
        changed += removed.rowCount;
      }
    }
  }
  return { changed };
}
