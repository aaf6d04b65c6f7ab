import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createAccountRequestSchema } from '../shared/sync/protocol';
import { createAccount } from '../server/auth/accounts';
import { parseConfig } from '../server/config';
import { DataDirLockedError, lockDataDir } from '../server/data-dir-lock';
import { openDatabase } from '../server/db/open-database';

const HELP = `npm run account:create -- --email <e-mail> --name <nom> [--role office|technician]

Crée un compte directement dans la base du serveur (même environnement que le serveur :
DATABASE_URL ou BORDEREAU_DATA_DIR). Le mot de passe (12 caractères au moins) est lu dans
BORDEREAU_ACCOUNT_PASSWORD, ou demandé dans le terminal.

Avec la base embarquée (PGlite), le serveur doit être arrêté : un seul processus ouvre le
dossier de données, et la commande refuse (code 2, rien d'écrit) s'il est en marche. Serveur
en marche, créez les comptes dans l'application (Administration, compte bureau). Le premier
compte bureau peut aussi être créé par le serveur lui-même au premier démarrage
(npm run server -- --help).
`;

/** Exit code when the data directory is held by a running server (nothing was written). */
const EXIT_LOCKED = 2;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'office' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const config = parseConfig(process.env);
  // Checked before anything else, the password prompt included.
  const unlock =
    config.database.kind === 'pglite' ? lockDataDir(config.database.dataDir) : () => undefined;
  try {
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
      throw new Error(
        parsed.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`).join('\n'),
      );
    }
    const db = await openDatabase(config.database);
    try {
      const account = await createAccount(db, parsed.data, Date.now());
      process.stdout.write(`Compte créé : ${account.email} (${account.role}), id ${account.id}\n`);
    } finally {
      await db.close();
    }
    return 0;
  } finally {
    unlock();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof DataDirLockedError ? EXIT_LOCKED : 1);
  },
);
