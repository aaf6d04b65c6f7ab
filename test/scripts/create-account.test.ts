import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../server/data-dir-lock';
import { login, spawnServerProcess } from '../server/helpers';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const OFFICE = { email: 'bureau@exemple.fr', password: 'mot de passe du bureau' };

/** `npm run account:create` as the README shows it: in its own process, on a real PGlite directory. */
async function createAccountCli(
  dataDir: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/create-account.ts', ...args],
      {
        cwd: root,
        env: {
          ...process.env,
          BORDEREAU_DATA_DIR: dataDir,
          BORDEREAU_ACCOUNT_PASSWORD: 'mot de passe du technicien',
        },
        timeout: 60_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('account:create and a running server on the same PGlite directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bordereau-lock-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses while the server holds the directory, which keeps serving; works once it stopped', async () => {
    const server = await spawnServerProcess({
      BORDEREAU_DATA_DIR: dataDir,
      BORDEREAU_FIRST_OFFICE_EMAIL: OFFICE.email,
      BORDEREAU_FIRST_OFFICE_NAME: 'Bureau',
      BORDEREAU_FIRST_OFFICE_PASSWORD: OFFICE.password,
    });
    try {
      // The server created the first office account itself, on first start.
      expect(await login(server.url, OFFICE.email, OFFICE.password)).toBeTruthy();
      const refused = await createAccountCli(dataDir, [
        '--email',
        'tech@exemple.fr',
        '--name',
        'Technicien',
        '--role',
        'technician',
      ]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(
        /ouverte par un autre processus \(pid \d+.*Rien n’a été écrit/,
      );
      expect(refused.stdout).not.toMatch(/Compte créé/);
      // Still serving its existing accounts; the refused one does not exist.
      expect(await login(server.url, OFFICE.email, OFFICE.password)).toBeTruthy();
      await expect(
        login(server.url, 'tech@exemple.fr', 'mot de passe du technicien'),
      ).rejects.toThrow(/401/);
    } finally {
      await server.kill('SIGTERM');
    }
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);

    const created = await createAccountCli(dataDir, [
      '--email',
      'tech@exemple.fr',
      '--name',
      'Technicien',
      '--role',
      'technician',
    ]);
    expect(created).toMatchObject({ code: 0 });
    expect(created.stdout).toMatch(/Compte créé : tech@exemple.fr \(technician\)/);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    // A pid far above any real one: the process that held it is gone (crash, SIGKILL).
    writeFileSync(join(dataDir, LOCK_FILE), '999999999');
    const created = await createAccountCli(dataDir, [
      '--email',
      'autre@exemple.fr',
      '--name',
      'Autre',
      '--role',
      'technician',
    ]);
    expect(created).toMatchObject({ code: 0 });
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('explains itself with --help, without touching any database', async () => {
    const help = await createAccountCli(join(dataDir, 'absent'), ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/le serveur doit être arrêté/);
    expect(existsSync(join(dataDir, 'absent'))).toBe(false);
  });
});
