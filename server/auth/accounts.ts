import { uuidv7 } from 'uuidv7';
import type { CreateAccountRequest, Role } from '../../shared/sync/protocol';
import type { Queryable } from '../db/database';
import { sqlState } from '../db/database';
import { DUMMY_PASSWORD_HASH, hashPassword, needsRehash, verifyPassword } from './password';

export type StoredAccount = { id: string; email: string; name: string; role: Role };

export class DuplicateEmailError extends Error {
  constructor(email: string) {
    super(`Un compte existe déjà pour ${email}.`);
  }
}

export async function createAccount(
  db: Queryable,
  input: CreateAccountRequest,
  now: number,
): Promise<StoredAccount> {
  const account = {
    id: uuidv7(),
    email: input.email.toLowerCase(),
    name: input.name,
    role: input.role,
  };
  const passwordHash = await hashPassword(input.password);
  try {
    await db.query(
      'INSERT INTO accounts (id, email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [account.id, account.email, account.name, account.role, passwordHash, now],
    );
  } catch (error) {
    if (sqlState(error) === '23505') throw new DuplicateEmailError(account.email);
    throw error;
  }
  return account;
}

/** The account when the password matches; always spends one scrypt so timing tells nothing. */
export async function checkCredentials(
  db: Queryable,
  email: string,
  password: string,
): Promise<StoredAccount | null> {
  const result = await db.query<StoredAccount & { password_hash: string; disabled: boolean }>(
    'SELECT id, email, name, role, password_hash, disabled FROM accounts WHERE email = $1',
    [email.toLowerCase()],
  );
  const row = result.rows[0];
  const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_PASSWORD_HASH);
  if (!row || !ok || row.disabled) return null;
  if (needsRehash(row.password_hash)) {
    // Made with weaker parameters: replaced now that the password is known to be right.
    await db.query('UPDATE accounts SET password_hash = $2 WHERE id = $1 AND password_hash = $3', [
      row.id,
      await hashPassword(password),
      row.password_hash,
    ]);
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}
