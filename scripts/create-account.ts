import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createAccountRequestSchema } from '../shared/sync/protocol';
import { createAccount } from '../server/auth/accounts';
import { parseConfig } from '../server/config';
import { openDatabase } from '../server/db/open-database';

/**
 * Creates an account directly in the server's database (the first office account, before
 * anyone can log in). Same environment as the server (DATABASE_URL or BORDEREAU_DATA_DIR);
 * stop an embedded (PGlite) server first: one process owns its data directory.
 *
 *   tsx scripts/create-account.ts --email bureau@example.fr --name "Bureau" --role office
 *
 * The password is read from BORDEREAU_ACCOUNT_PASSWORD, or asked on the terminal.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'office' },
    },
  });
  let password = process.env['BORDEREAU_ACCOUNT_PASSWORD'];
  if (!password) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    password = await rl.question('Mot de passe (12 caractères au moins) : ');
    rl.close();
  }
  const parsed = createAccountRequestSchema.safeParse({
    email: values.email,
    name: values.name,
    role: values.role,
    password,
  });
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const config = parseConfig(process.env);
  const db = await openDatabase(config.database);
  try {
    const account = await createAccount(db, parsed.data, Date.now());
    process.stdout.write(`Compte créé : ${account.email} (${account.role}), id ${account.id}\n`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
