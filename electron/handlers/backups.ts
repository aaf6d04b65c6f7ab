import { createHash } from 'node:crypto';
import { readdir, readFile, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import type { IpcHandlers } from '../ipc-main';
import { writeFileAtomic } from '../atomic-write';
import { DEFAULT_RETENTION, planRetention, type RetentionPolicy } from '../backup-retention';

/** Photos and other binary values of the backups, one file per SHA-256, shared by every copy. */
export const BACKUP_FILES_DIR = 'fichiers';
/** An unreferenced file younger than this stays: a backup being written may be about to name it. */
export const FILE_GRACE_MS = 24 * 3600 * 1000;

const FILE_REF = /"\$file":"([0-9a-f]{64})"/g;

/**
 * Local backups in userData/backups, written by the renderer (at every version change, once
 * a day, after each signature) because Electron upgrades and downgrades have wiped IndexedDB
 * (electron/electron#24882, #38616). Main decides what is kept (backup-retention.ts).
 *
 * Photos are not inside the JSON (base64 in one string hit V8's string limit near 400 MB of
 * photos): each binary value is a file named by its SHA-256 in `fichiers/`, checked on write,
 * written once and shared by every copy, removed when no copy names it any more.
 *
 * Writes are serialised: two overlapping writes each pruned and listed while the other
 * deleted, and a written copy was reported as failed.
 */
export function backupHandlers(deps: {
  dir: string;
  policy?: RetentionPolicy;
  now?: () => number;
}): Pick<
  IpcHandlers,
  | 'writeBackup'
  | 'listBackups'
  | 'readBackup'
  | 'missingBackupFiles'
  | 'writeBackupFile'
  | 'readBackupFile'
> {
  const now = deps.now ?? Date.now;
  const filesDir = join(deps.dir, BACKUP_FILES_DIR);
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  const list = async () => {
    const names = (await readdir(deps.dir).catch(() => [] as string[])).filter((n) =>
      n.endsWith('.json'),
    );
    const entries = await Promise.all(
      names.map(async (name) => {
        // A copy deleted between readdir and stat is simply not listed.
        const info = await stat(join(deps.dir, name)).catch(() => null);
        return info ? { name, size: info.size, modifiedAt: Math.trunc(info.mtimeMs) } : null;
      }),
    );
    return entries
      .filter((e) => e !== null)
      .sort((a, b) => b.modifiedAt - a.modifiedAt || b.name.localeCompare(a.name));
  };

  /**
   * Deletes the files no remaining copy names, and the temporary files a crash mid-write
   * left behind (`*.tmp`, see atomic-write.ts), past the grace period.
   */
  const collectFiles = async () => {
    for (const folder of [deps.dir, filesDir]) {
      for (const name of await readdir(folder).catch(() => [] as string[])) {
        if (!name.endsWith('.tmp')) continue;
        const info = await stat(join(folder, name)).catch(() => null);
        if (info && now() - info.mtimeMs > FILE_GRACE_MS)
          await unlink(join(folder, name)).catch(() => undefined);
      }
    }
    const referenced = new Set<string>();
    for (const entry of await list()) {
      const text = await readFile(join(deps.dir, entry.name), 'utf8').catch(() => '');
      for (const match of text.matchAll(FILE_REF)) referenced.add(match[1]!);
    }
    for (const name of await readdir(filesDir).catch(() => [] as string[])) {
      if (referenced.has(name) || name.endsWith('.tmp')) continue;
      const info = await stat(join(filesDir, name)).catch(() => null);
      if (info && now() - info.mtimeMs > FILE_GRACE_MS)
        await unlink(join(filesDir, name)).catch(() => undefined);
    }
  };

  return {
    writeBackup({ name, json }) {
      return serial(async () => {
        const path = join(deps.dir, name);
        await writeFileAtomic(path, json);
        const doomed = planRetention(await list(), now(), deps.policy ?? DEFAULT_RETENTION);
        for (const old of doomed) {
          if (old !== name) await unlink(join(deps.dir, old)).catch(() => undefined);
        }
        await collectFiles();
        return { ok: true, value: { path } };
      });
    },
    async listBackups() {
      return { ok: true, value: await list() };
    },
    async readBackup({ name }) {
      try {
        return { ok: true, value: await readFile(join(deps.dir, name), 'utf8') };
      } catch {
        return {
          ok: false,
          error: { code: 'not-found', message: `Sauvegarde ${name} introuvable.` },
        };
      }
    },
    /**
     * The hashes not yet on disk. Those present are touched: the clean-up after a concurrent
     * write then leaves them for the copy about to name them.
     */
    async missingBackupFiles({ hashes }) {
      const missing: string[] = [];
      const at = new Date(now());
      for (const hash of new Set(hashes)) {
        await utimes(join(filesDir, hash), at, at).catch(() => missing.push(hash));
      }
      return { ok: true, value: missing };
    },
    async writeBackupFile({ hash, bytes }) {
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== hash) {
        return {
          ok: false,
          error: {
            code: 'invalid-payload',
            message: `Fichier de sauvegarde refusé : son contenu ne correspond pas à ${hash}.`,
          },
        };
      }
      await writeFileAtomic(join(filesDir, hash), bytes);
      return { ok: true, value: { written: true } };
    },
    async readBackupFile({ hash }) {
      try {
        const bytes = await readFile(join(filesDir, hash));
        return { ok: true, value: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
      } catch {
        return {
          ok: false,
          error: {
            code: 'not-found',
            message: `Un fichier de la sauvegarde (photo ${hash.slice(0, 12)}…) est introuvable.`,
          },
        };
      }
    },
  };
}
