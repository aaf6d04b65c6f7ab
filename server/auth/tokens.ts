import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../shared/sync/protocol';
import type { Queryable } from '../db/database';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new bearer token: 32 random bytes; only its hash is stored. */
export async function issueToken(
  db: Queryable,
  accountId: string,
  now: number,
  ttlMs: number,
): Promise<{ token: string; expiresAt: number }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + ttlMs;
  await db.query(
    'INSERT INTO tokens (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
    [hashToken(token), accountId, now, expiresAt],
  );
  return { token, expiresAt };
}

export type AuthenticatedAccount = { id: string; email: string; name: string; role: Role };

/** The account behind a token, or null when unknown, expired, revoked or disabled. */
export async function accountForToken(
  db: Queryable,
  token: string,
  now: number,
): Promise<AuthenticatedAccount | null> {
  const result = await db.query<AuthenticatedAccount>(
    `SELECT a.id, a.email, a.name, a.role FROM tokens t JOIN accounts a ON a.id = t.account_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > $2 AND NOT a.disabled`,
    [hashToken(token), now],
  );
  return result.rows[0] ?? null;
}

export async function revokeToken(db: Queryable, token: string, now: number): Promise<void> {
  await db.query('UPDATE tokens SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [
    hashToken(token),
    now,
  ]);
}

export async function revokeAccountTokens(
  db: Queryable,
  accountId: string,
  now: number,
): Promise<number> {
  const result = await db.query(
    'UPDATE tokens SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL',
    [accountId, now],
  );
  return result.rowCount;
}
