import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { IpcHandlers } from '../ipc-main';
import { writeFileAtomic } from '../atomic-write';

/** How many backups are kept on disk; the oldest go first. */
export const BACKUPS_KEPT = 20;

/**
 * Local JSON backups of the whole database in userData/backups, written by the renderer
 * (at every version change, once a day, after each signature, and on demand) because Electron upgrades and downgrades have
 * wiped IndexedDB (electron/electron#24882, #38616).
 */
export function backupHandlers(deps: {
  dir: string;
  kept?: number;
}): Pick<IpcHandlers, 'writeBackup' | 'listBackups' | 'readBackup'> {
  const list = async () => {
    const names = (await readdir(deps.dir).catch(() => [] as string[])).filter((n) =>
      n.endsWith('.json'),
    );
    const entries = await Promise.all(
      names.map(async (name) => {
        const info = await stat(join(deps.dir, name));
        return { name, size: info.size, modifiedAt: Math.trunc(info.mtimeMs) };
      }),
    );
    return entries.sort((a, b) => b.modifiedAt - a.modifiedAt || b.name.localeCompare(a.name));
  };

  return {
    async writeBackup({ name, json }) {
      const path = join(deps.dir, name);
      await writeFileAtomic(path, json);
      const all = await list();
      for (const old of all.slice(deps.kept ?? BACKUPS_KEPT)) {
        if (old.name !== name) await unlink(join(deps.dir, old.name)).catch(() => undefined);
      }
      return { ok: true, value: { path } };
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
  };
}
