import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { BordereauDb } from './database';
import { DEVICE_ID_KEY } from './database';
import { equipmentIndexFields } from './equipment-index';
import { SYNC_STATE_KEYS } from './sync-state-keys';

/**
 * A JSON copy of the whole local database, to survive what IndexedDB does not: Electron has
 * wiped it on some upgrades and downgrades (electron/electron#24882, #38616). Binary values
 * (attachments' bytes) are carried as base64 and come back as the same type.
 */
export const BACKUP_FORMAT = 'bordereau-backup';

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { error: 'Ce fichier n’est pas une sauvegarde Bordereau.' }),
  formatVersion: z.literal(1, { error: 'Version de sauvegarde non prise en charge.' }),
  schemaVersion: z.number().int().positive(),
  appVersion: z.string(),
  createdAt: z.number().int().nonnegative(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type Backup = z.infer<typeof backupSchema>;

type Binary = { $binary: string; kind: 'blob' | 'bytes' | 'arraybuffer'; type?: string };

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

async function encodeValue(value: unknown): Promise<unknown> {
  if (value instanceof Uint8Array)
    return { $binary: toBase64(value), kind: 'bytes' } satisfies Binary;
  if (value instanceof ArrayBuffer)
    return { $binary: toBase64(new Uint8Array(value)), kind: 'arraybuffer' } satisfies Binary;
  if (typeof Blob !== 'undefined' && value instanceof Blob) {
    return {
      $binary: toBase64(new Uint8Array(await value.arrayBuffer())),
      kind: 'blob',
      type: value.type,
    } satisfies Binary;
  }
  if (Array.isArray(value)) return Promise.all(value.map(encodeValue));
  if (value !== null && typeof value === 'object') {
    const entries = await Promise.all(
      Object.entries(value).map(async ([k, v]) => [k, await encodeValue(v)] as const),
    );
    return Object.fromEntries(entries);
  }
  return value;
}

function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value !== null && typeof value === 'object') {
    const v = value as Partial<Binary> & Record<string, unknown>;
    if (
      typeof v.$binary === 'string' &&
      (v.kind === 'bytes' || v.kind === 'arraybuffer' || v.kind === 'blob')
    ) {
      const bytes = fromBase64(v.$binary);
      if (v.kind === 'bytes') return bytes;
      if (v.kind === 'arraybuffer') return bytes.buffer;
      return new Blob([bytes], { type: v.type ?? '' });
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decodeValue(x)]));
  }
  return value;
}

/** Every table, read in one transaction so the copy is consistent. */
export async function createBackup(
  db: BordereauDb,
  appVersion: string,
  now: number = Date.now(),
): Promise<Backup> {
  const tables: Record<string, Record<string, unknown>[]> = {};
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables)
      tables[table.name] = (await table.toArray()) as Record<string, unknown>[];
  });
  for (const name of Object.keys(tables))
    tables[name] = (await encodeValue(tables[name])) as Record<string, unknown>[];
  return {
    format: BACKUP_FORMAT,
    formatVersion: 1,
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
export async function restoreBackup(
  db: BordereauDb,
  backup: Backup,
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
    for (const table of db.tables) {
      await table.clear();
      const rows = (backup.tables[table.name] ?? []).map(
        (row) => decodeValue(row) as Record<string, unknown>,
      );
      const ready =
        table.name === 'equipment' ? rows.map((r) => ({ ...r, ...equipmentIndexFields(r) })) : rows;
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
