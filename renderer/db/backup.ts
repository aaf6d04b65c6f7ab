import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { BackupKind, DesktopApi, IpcResult } from '../../shared/ipc';
import { reportRecordFromLegacy } from '../../shared/sync/report-wire';
import type { BordereauDb } from './database';
import { sha256Hex } from './repositories/attachments';
import { DEVICE_ID_KEY } from './database';
import { equipmentIndexFields } from './equipment-index';
import { SEARCH_KEYS_TABLE } from './equipment-search-keys';
import { SYNC_STATE_KEYS } from './sync-state-keys';

/**
 * A JSON copy of the whole local database, to survive what IndexedDB does not: Electron has
 * wiped it on some upgrades and downgrades (electron/electron#24882, #38616). Binary values
 * (attachments' bytes) come back as the same type: inline as base64 in a downloaded copy
 * (format 1), as files beside the copy named by SHA-256 in a disk copy (format 2,
 * writeBackupToDisk).
 */
export const BACKUP_FORMAT = 'bordereau-backup';

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { error: 'Ce fichier n’est pas une sauvegarde Bordereau.' }),
  // 1: binary values inline as base64 (downloads); 2: binary values as files beside the
  // copy, named by SHA-256 (disk copies written through the desktop shell).
  formatVersion: z.union([z.literal(1), z.literal(2)], {
    error: 'Version de sauvegarde non prise en charge.',
  }),
  schemaVersion: z.number().int().positive(),
  appVersion: z.string(),
  createdAt: z.number().int().nonnegative(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type Backup = z.infer<typeof backupSchema>;

type BinaryKind = 'blob' | 'bytes' | 'arraybuffer';
type Binary = { $binary: string; kind: BinaryKind; type?: string };
type FileRef = { $file: string; kind: BinaryKind; type?: string };

/** How a binary value is written into the copy: inline (base64), or as a file reference. */
export type BinaryEncoder = (
  bytes: Uint8Array<ArrayBuffer>,
  kind: BinaryKind,
  type: string | undefined,
) => Promise<Binary | FileRef>;

const inlineBinary: BinaryEncoder = async (bytes, kind, type) => ({
  $binary: toBase64(bytes),
  kind,
  ...(type === undefined ? {} : { type }),
});

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function encodeValue(value: unknown, binary: BinaryEncoder): Promise<unknown> {
  if (value instanceof Uint8Array) return binary(new Uint8Array(value), 'bytes', undefined);
  if (value instanceof ArrayBuffer) return binary(new Uint8Array(value), 'arraybuffer', undefined);
  if (typeof Blob !== 'undefined' && value instanceof Blob) {
    return binary(new Uint8Array(await value.arrayBuffer()), 'blob', value.type);
  }
  if (Array.isArray(value)) {
    // One at a time: photos are hashed and handed over one by one, never all at once.
    const out: unknown[] = [];
    for (const item of value) out.push(await encodeValue(item, binary));
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await encodeValue(v, binary);
    return out;
  }
  return value;
}

function decodeValue(value: unknown, files: ReadonlyMap<string, Uint8Array>): unknown {
  if (Array.isArray(value)) return value.map((v) => decodeValue(v, files));
  if (value !== null && typeof value === 'object') {
    const v = value as Partial<Binary & FileRef> & Record<string, unknown>;
    if (v.kind === 'bytes' || v.kind === 'arraybuffer' || v.kind === 'blob') {
      let bytes: Uint8Array<ArrayBuffer> | null = null;
      if (typeof v.$binary === 'string') bytes = fromBase64(v.$binary);
      else if (typeof v.$file === 'string') {
        const found = files.get(v.$file);
        if (!found)
          throw new BackupError(
            `Un fichier de la sauvegarde (photo ${v.$file.slice(0, 12)}…) manque : restauration impossible.`,
          );
        bytes = new Uint8Array(found);
      }
      if (bytes) {
        if (v.kind === 'bytes') return bytes;
        if (v.kind === 'arraybuffer') return bytes.buffer;
        return new Blob([bytes], { type: v.type ?? '' });
      }
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decodeValue(x, files)]));
  }
  return value;
}

/** The SHA-256 of every file a copy names (format 2). */
export function backupFileHashes(backup: Backup): string[] {
  const hashes = new Set<string>();
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      const v = value as Record<string, unknown>;
      if (typeof v.$file === 'string') hashes.add(v.$file);
      else Object.values(v).forEach(walk);
    }
  };
  walk(backup.tables);
  return [...hashes];
}

/** Reads, through the shell, the files a disk copy names: before restoring it. */
export async function loadBackupFiles(
  backup: Backup,
  desktop: Pick<DesktopApi, 'readBackupFile'>,
): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const hash of backupFileHashes(backup)) {
    const result = await desktop.readBackupFile({ hash });
    if (!result.ok) throw new BackupError(result.error.message);
    files.set(hash, result.value);
  }
  return files;
}

/** Every table, read in one transaction so the copy is consistent. */
export async function createBackup(
  db: BordereauDb,
  appVersion: string,
  now: number = Date.now(),
  binary?: BinaryEncoder,
): Promise<Backup> {
  const tables: Record<string, Record<string, unknown>[]> = {};
  await db.transaction('r', db.tables, async () => {
    // The search keys are derived from the equipment: a restore rebuilds them.
    for (const table of db.tables.filter((t) => t.name !== SEARCH_KEYS_TABLE))
      tables[table.name] = (await table.toArray()) as Record<string, unknown>[];
  });
  for (const name of Object.keys(tables))
    tables[name] = (await encodeValue(tables[name], binary ?? inlineBinary)) as Record<
      string,
      unknown
    >[];
  return {
    format: BACKUP_FORMAT,
    formatVersion: binary ? 2 : 1,
    schemaVersion: db.verno,
    appVersion,
    createdAt: now,
    tables,
  };
}

export async function backupToJson(
  db: BordereauDb,
  appVersion: string,
  now?: number,
): Promise<string> {
  return JSON.stringify(await createBackup(db, appVersion, now));
}

/**
 * A copy written to disk through the shell: each binary value (a photo) is handed over as its
 * own file, named by its SHA-256, and only when the shell does not hold it yet; the JSON
 * names the files. No string ever holds the photos (V8 caps a string near 512 MB).
 */
export async function writeBackupToDisk(
  db: BordereauDb,
  desktop: Pick<DesktopApi, 'writeBackup' | 'missingBackupFiles' | 'writeBackupFile'>,
  copy: { kind: BackupKind; name: string; appVersion: string; now: number },
): Promise<IpcResult<{ path: string }>> {
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  const backup = await createBackup(db, copy.appVersion, copy.now, async (bytes, kind, type) => {
    const hash = await sha256Hex(bytes);
    files.set(hash, bytes);
    return { $file: hash, kind, ...(type === undefined ? {} : { type }) };
  });
  const missing = await desktop.missingBackupFiles({ hashes: [...files.keys()] });
  if (!missing.ok) return missing;
  for (const hash of missing.value) {
    const bytes = files.get(hash);
    if (!bytes) continue;
    const written = await desktop.writeBackupFile({ hash, bytes });
    if (!written.ok) return written;
  }
  return desktop.writeBackup({ kind: copy.kind, name: copy.name, json: JSON.stringify(backup) });
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Reads and checks a backup file's text; throws a BackupError with a French message. */
export function parseBackup(json: string): Backup {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new BackupError('Ce fichier n’est pas du JSON lisible : sauvegarde endommagée ?');
  }
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success)
    throw new BackupError(parsed.error.issues[0]?.message ?? 'Sauvegarde invalide.');
  return parsed.data;
}

/**
 * Replaces the whole local database with a backup, in one transaction: if anything fails,
 * the database stays as it was. A backup from a newer schema is refused (this version
 * cannot know what its fields mean); one from an older schema gets its index fields rebuilt.
 *
 * The restored database syncs as a new device. The server recognises a change by (device,
 * mutation number) and answers "already applied" to a pair it has seen; after a restore
 * (often into a fresh profile, whose IndexedDB numbers the outbox again from the backup's
 * last number) the old identity would reuse numbers the device already sent after the
 * backup was taken, and those new changes would be silently dropped. Every change in the
 * backup's outbox is sent again under the new identity (one the server already has merges
 * as a no-op, or shows a conflict if someone changed the field since; never a silent loss),
 * and the next pull starts from scratch so the local copy catches up with everything the
 * server received since the backup.
 */
/**
 * Rows of an older schema as this one stores them: the equipment's index fields rebuilt, the
 * bordereaux and their queued changes in their one shape (Dexie version 6). Rows already in
 * the current shape come back equal.
 */
function inCurrentShape(table: string, rows: Record<string, unknown>[]): Record<string, unknown>[] {
  if (table === 'equipment') return rows.map((r) => ({ ...r, ...equipmentIndexFields(r) }));
  if (table === 'reports') return rows.map(reportRecordFromLegacy);
  if (table === 'outbox')
    return rows.map((r) =>
      r['entity'] === 'reports' && typeof r['changes'] === 'object' && r['changes'] !== null
        ? { ...r, changes: reportRecordFromLegacy(r['changes'] as Record<string, unknown>) }
        : r,
    );
  return rows;
}

export async function restoreBackup(
  db: BordereauDb,
  backup: Backup,
  files: ReadonlyMap<string, Uint8Array> = new Map(),
): Promise<{ tables: number; records: number }> {
  if (backup.schemaVersion > db.verno) {
    throw new BackupError(
      `Cette sauvegarde vient d’une version plus récente de l’application (schéma ${backup.schemaVersion}, celui-ci : ${db.verno}). Mettez l’application à jour avant de la restaurer.`,
    );
  }
  const known = new Set(db.tables.map((t) => t.name));
  const unknown = Object.keys(backup.tables).filter((name) => !known.has(name));
  if (unknown.length > 0)
    throw new BackupError(`Tables inconnues dans la sauvegarde : ${unknown.join(', ')}.`);
  let records = 0;
  await db.transaction('rw', db.tables, async () => {
    // The search keys follow the equipment's writes (equipment-search-keys-middleware.ts).
    for (const table of db.tables.filter((t) => t.name !== SEARCH_KEYS_TABLE)) {
      await table.clear();
      const rows = (backup.tables[table.name] ?? []).map(
        (row) => decodeValue(row, files) as Record<string, unknown>,
      );
      const ready = inCurrentShape(table.name, rows);
      await table.bulkAdd(ready);
      records += ready.length;
    }
    await db.settings.put({ key: DEVICE_ID_KEY, value: uuidv7() });
    await db.syncState.delete(SYNC_STATE_KEYS.pushedThrough);
    await db.syncState.put({ key: SYNC_STATE_KEYS.resync, value: true });
    if (await db.syncState.get(SYNC_STATE_KEYS.cursor)) {
      await db.syncState.put({ key: SYNC_STATE_KEYS.restoredUnsynced, value: true });
    }
  });
  return { tables: Object.keys(backup.tables).length, records };
}
