import type { Queryable } from '../db/database';

/** Failures allowed before the back-off starts. */
const FREE_FAILURES = 5;
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 15 * 60 * 1000;

/**
 * Per-account login back-off, on top of the per-IP rate limit (which a botnet, or every user
 * behind one office NAT, defeats or shares): after 5 failed logins for an e-mail address, each
 * further failure locks it for twice as long (1 s, 2 s, 4 s… at most 15 minutes); a success
 * clears it. Kept per e-mail, whether an account has it or not, so the answers do not tell
 * which accounts exist; kept in the database, so every instance applies the same count.
 */
export async function loginLockedFor(db: Queryable, email: string, now: number): Promise<number> {
  const result = await db.query<{ locked_until: number }>(
    'SELECT locked_until FROM login_failures WHERE email = $1',
    [email.toLowerCase()],
  );
  return Math.max(0, Number(result.rows[0]?.locked_until ?? 0) - now);
}

export async function recordLoginFailure(db: Queryable, email: string, now: number): Promise<void> {
  await db.query(
    `INSERT INTO login_failures (email, failures, locked_until) VALUES ($1, 1, 0)
     ON CONFLICT (email) DO UPDATE SET
       failures = login_failures.failures + 1,
       locked_until = CASE WHEN login_failures.failures + 1 > $3
         THEN $2::bigint + least($5::bigint, $4::bigint * (2 ^ least(login_failures.failures + 1 - $3 - 1, 20))::bigint)
         ELSE 0 END`,
    [email.toLowerCase(), now, FREE_FAILURES, FIRST_DELAY_MS, MAX_DELAY_MS],
  );
}

export async function clearLoginFailures(db: Queryable, email: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE email = $1', [email.toLowerCase()]);
}
