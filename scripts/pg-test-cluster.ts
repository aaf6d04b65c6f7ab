import { execFile } from 'node:child_process';
import { chmod, chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isMainModule } from './main-module';
import { printHelpAndExitIfAsked } from './help-flag';

/**
 * A throwaway PostgreSQL cluster for tests and benchmarks, made with the Debian binaries:
 * initdb + pg_ctl in a temp directory, on a free loopback port, fsync off. As root (initdb
 * refuses to run as root) it runs as the `postgres` user. `stop()` removes everything.
 *
 * Usage as a script: `tsx scripts/pg-test-cluster.ts` prints the URL and runs until Ctrl-C.
 */
const run = promisify(execFile);
const DEFAULT_BIN_DIR = '/usr/lib/postgresql/15/bin';

export type PgCluster = { url: string; dir: string; stop: () => Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function asPostgres(command: string, args: string[]): Promise<void> {
  const isRoot = process.getuid?.() === 0;
  const [file, argv] = isRoot
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args];
  await run(file, argv, { env: { ...process.env, LC_ALL: 'C' } });
}

export async function startPgCluster(
  binDir: string = process.env['PG_BIN_DIR'] ?? DEFAULT_BIN_DIR,
): Promise<PgCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'bordereau-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']).catch((error: unknown) => {
      throw new Error(
        'PostgreSQL de test : l’utilisateur système « postgres » est introuvable (installez le paquet postgresql).',
        {
          cause: error,
        },
      );
    });
    const uid = Number(stdout.trim());
    const { stdout: gidOut } = await run('id', ['-g', 'postgres']);
    await chown(dir, uid, Number(gidOut.trim()));
  }
  await chmod(dir, 0o700);
  try {
    await asPostgres(join(binDir, 'initdb'), [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '--no-sync',
      '-E',
      'UTF8',
    ]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(
      `PostgreSQL de test : initdb a échoué (${binDir}). Installez postgresql-15 ou donnez TEST_DATABASE_URL. ${String(error)}`,
      { cause: error },
    );
  }
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  await asPostgres(join(binDir, 'pg_ctl'), [
    '-D',
    data,
    '-o',
    options,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
  ]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    dir,
    async stop() {
      await asPostgres(join(binDir, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']).catch(
        () => undefined,
      );
      await rm(dir, { recursive: true, force: true });
    },
  };
}

if (isMainModule(process.argv[1], import.meta.url)) {
  printHelpAndExitIfAsked(
    process.argv,
    'npm run pg:test-cluster\n\nDémarre un PostgreSQL jetable (binaires de /usr/lib/postgresql/*/bin) pour les tests, affiche son URL (à passer dans TEST_DATABASE_URL) et le supprime à Ctrl+C.',
  );
  const cluster = await startPgCluster();
  await writeFile(join(cluster.dir, 'url'), cluster.url);
  process.stdout.write(`${cluster.url}\n`);
  const stop = async (): Promise<void> => {
    await cluster.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
