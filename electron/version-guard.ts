import { cp, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';

/**
 * What opened the local store last: kept in `<userData>/versions.json`. Chromium migrates
 * IndexedDB's on-disk format when a newer version opens it, and an older one then deletes
 * what it cannot read (electron/electron#24882, #12878): the comparison and the copy must be
 * made here, in main, before any window (and so any renderer) opens the store.
 */
export const versionStampSchema = z.object({
  app: z.string().min(1),
  electron: z.string().min(1),
  chrome: z.string().min(1),
});
export type VersionStamp = z.infer<typeof versionStampSchema>;

export const VERSION_STAMP_FILE = 'versions.json';
export const SNAPSHOTS_DIR = 'version-snapshots';
/** Copies of IndexedDB kept from the last version changes; the oldest go first. */
export const SNAPSHOTS_KEPT = 3;

export type VersionCheck =
  | { kind: 'first-run' }
  | { kind: 'same' }
  | { kind: 'changed'; from: VersionStamp | null }
  | { kind: 'downgrade'; from: VersionStamp };

/** Compares dotted numeric versions (Chrome's 4 parts, semver's 3); a missing part counts as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).map((p) => Number.parseInt(p, 10) || 0);
  const pb = b.split(/[.+-]/).map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/**
 * The decision, pure. `stored` is null when no stamp exists: a first run when there is no
 * store either, a change otherwise (a store written by a version older than this guard).
 * An older Chromium on a newer store is refused whatever the app version says.
 */
export function checkVersions(
  stored: VersionStamp | null,
  current: VersionStamp,
  storeExists: boolean,
): VersionCheck {
  if (!stored) return storeExists ? { kind: 'changed', from: null } : { kind: 'first-run' };
  if (compareVersions(current.chrome, stored.chrome) < 0)
    return { kind: 'downgrade', from: stored };
  if (
    stored.app === current.app &&
    stored.electron === current.electron &&
    stored.chrome === current.chrome
  )
    return { kind: 'same' };
  return { kind: 'changed', from: stored };
}

export function downgradeMessage(stored: VersionStamp, current: VersionStamp): string {
  return (
    `Cette version de Bordereau (${current.app}, Chromium ${current.chrome}) est plus ancienne ` +
    `que celle qui a ouvert vos données en dernier (${stored.app}, Chromium ${stored.chrome}). ` +
    `L’ouvrir effacerait la base locale et les bordereaux non envoyés. Réinstallez la version ` +
    `${stored.app} ou une plus récente. Vos données sont intactes.`
  );
}

export type GuardOutcome =
  | { kind: 'first-run' | 'same' }
  | { kind: 'snapshot'; path: string | null; from: VersionStamp | null }
  | { kind: 'refused'; message: string };

async function readStamp(file: string): Promise<VersionStamp | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  // A damaged stamp is handled like a missing one: a copy is made, which is always safe.
  try {
    const parsed = versionStampSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const isDirectory = (path: string) =>
  stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );

const safePart = (text: string) => text.replace(/[^A-Za-z0-9.-]/g, '_');

/**
 * Runs before the first window: compares the stamp with the running versions, copies
 * `<userData>/IndexedDB/` aside on any change (keeping the last SNAPSHOTS_KEPT copies), and
 * refuses a downgrade. The new stamp is written only once the copy is on disk, so a copy that
 * failed is attempted again at the next start (the caller reports the failure and stops).
 */
export async function guardStoreVersions(options: {
  userData: string;
  current: VersionStamp;
  now: number;
  kept?: number;
}): Promise<GuardOutcome> {
  const stampFile = join(options.userData, VERSION_STAMP_FILE);
  const store = join(options.userData, 'IndexedDB');
  const stored = await readStamp(stampFile);
  const storeExists = await isDirectory(store);
  const check = checkVersions(stored, options.current, storeExists);
  const writeStamp = () => writeFileAtomic(stampFile, JSON.stringify(options.current));
  switch (check.kind) {
    case 'same':
      return { kind: 'same' };
    case 'downgrade':
      return { kind: 'refused', message: downgradeMessage(check.from, options.current) };
    case 'first-run':
      await writeStamp();
      return { kind: 'first-run' };
    case 'changed': {
      let path: string | null = null;
      if (storeExists) {
        const stamp = new Date(options.now).toISOString().replace(/[:.]/g, '-');
        const from = check.from
          ? `app${safePart(check.from.app)}-chrome${safePart(check.from.chrome)}`
          : 'version-inconnue';
        const root = join(options.userData, SNAPSHOTS_DIR);
        path = join(root, `${stamp}-${from}`);
        await mkdir(root, { recursive: true });
        // Copied into a temporary name then renamed: a half-copied folder is never taken
        // for a snapshot, and the next start removes it.
        const partial = `${path}.partiel`;
        await cp(store, join(partial, 'IndexedDB'), { recursive: true, errorOnExist: true });
        await writeFileAtomic(
          join(partial, VERSION_STAMP_FILE),
          JSON.stringify(check.from ?? { unknown: true }),
        );
        await rename(partial, path);
        await pruneSnapshots(root, options.kept ?? SNAPSHOTS_KEPT);
      }
      await writeStamp();
      return { kind: 'snapshot', path, from: check.from };
    }
  }
}

/** Keeps the newest `kept` snapshots (names start with an ISO time), and no partial copy. */
export async function pruneSnapshots(root: string, kept: number): Promise<void> {
  const names = (await readdir(root)).sort();
  const partial = names.filter((n) => n.endsWith('.partiel'));
  const complete = names.filter((n) => !n.endsWith('.partiel'));
  const doomed = [...partial, ...complete.slice(0, Math.max(0, complete.length - kept))];
  for (const name of doomed) await rm(join(root, name), { recursive: true, force: true });
}

/**
 * The snapshots on disk, newest first, for the Settings screen: restoring one is a support
 * operation (quit, put its `IndexedDB` folder back in userData), so the app says where they are.
 */
export async function listSnapshots(
  userData: string,
): Promise<{ folder: string; snapshots: { name: string; createdAt: number }[] }> {
  const folder = join(userData, SNAPSHOTS_DIR);
  const names = (await readdir(folder).catch(() => [] as string[])).filter(
    (n) => !n.endsWith('.partiel'),
  );
  const snapshots = await Promise.all(
    names.map(async (name) => {
      const info = await stat(join(folder, name)).catch(() => null);
      return info ? { name, createdAt: Math.trunc(info.mtimeMs) } : null;
    }),
  );
  return {
    folder,
    snapshots: snapshots.filter((s) => s !== null).sort((a, b) => b.name.localeCompare(a.name)),
  };
}
