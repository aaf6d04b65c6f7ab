import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One process at a time on an embedded (PGlite) data directory. PGlite takes no lock of its
 * own: two processes opening the same directory (`npm run account:create` while `npm run
 * server` runs) corrupt it — an account "created" that cannot log in, then a process spinning
 * at 99 % CPU. So the server and every script that opens the directory first create
 * `bordereau.lock` in it (O_EXCL: atomic) holding their process id, and remove it when they
 * close. A lock left by a process that no longer runs (a crash, SIGKILL) is taken over.
 */
export const LOCK_FILE = 'bordereau.lock';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `La base de données ${dataDir} est ouverte par un autre processus (pid ${pid}, probablement le serveur Bordereau en marche). ` +
        'Arrêtez-le d’abord, ou créez le compte depuis l’application (Administration) avec un compte bureau. Rien n’a été écrit.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the directory's lock or throws DataDirLockedError; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = Number.NaN;
    try {
      holder = Number(readFileSync(path, 'utf8').trim());
    } catch {
      // Removed meanwhile: try again.
    }
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
      throw new DataDirLockedError(dataDir, holder);
    }
    // Stale (its process is gone) or unreadable: take it over.
    rmSync(path, { force: true });
  }
  throw new Error(`Impossible de verrouiller ${path}.`);
}
