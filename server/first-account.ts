import { createInterface } from 'node:readline/promises';
import { createAccountRequestSchema } from '../shared/sync/protocol';
import { createAccount } from './auth/accounts';
import type { Queryable } from './db/database';

/**
 * The first office account, created by the server itself on its first start, so that nobody
 * has to open the database from a second process: from BORDEREAU_FIRST_OFFICE_EMAIL,
 * BORDEREAU_FIRST_OFFICE_NAME and BORDEREAU_FIRST_OFFICE_PASSWORD, or asked on the terminal
 * when the server runs in one. Does nothing once any office account exists.
 */
export type FirstAccountOutcome =
  | { readonly kind: 'exists' }
  | { readonly kind: 'created'; readonly email: string }
  | { readonly kind: 'missing' };

export interface FirstAccountInput {
  readonly env: Record<string, string | undefined>;
  /** Asks a question on the terminal; null when there is none (a service, a test). */
  readonly ask: ((question: string) => Promise<string>) | null;
  readonly now: number;
}

export async function ensureFirstOfficeAccount(
  db: Queryable,
  { env, ask, now }: FirstAccountInput,
): Promise<FirstAccountOutcome> {
  const existing = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM accounts WHERE role = 'office' AND NOT disabled`,
  );
  if (Number(existing.rows[0]?.n ?? 0) > 0) return { kind: 'exists' };
  let email = env['BORDEREAU_FIRST_OFFICE_EMAIL'];
  let name = env['BORDEREAU_FIRST_OFFICE_NAME'];
  let password = env['BORDEREAU_FIRST_OFFICE_PASSWORD'];
  if (!email || !password) {
    if (!ask) return { kind: 'missing' };
    process.stdout.write('Premier démarrage : créons le compte du bureau (administrateur).\n');
    email = email || (await ask('E-mail du compte bureau : '));
    name = name || (await ask('Nom affiché (par exemple « Bureau ») : '));
    password = password || (await ask('Mot de passe (12 caractères au moins) : '));
  }
  const parsed = createAccountRequestSchema.safeParse({
    email: email.trim(),
    name: (name ?? '').trim() || 'Bureau',
    role: 'office',
    password,
  });
  if (!parsed.success) {
    throw new Error(
      `Compte bureau invalide : ${parsed.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`).join(' ; ')}`,
    );
  }
  const account = await createAccount(db, parsed.data, now);
  return { kind: 'created', email: account.email };
}

/** A terminal question, or null when stdin is not a terminal. */
export function terminalQuestion(): ((question: string) => Promise<string>) | null {
  if (!process.stdin.isTTY) return null;
  return async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  };
}
