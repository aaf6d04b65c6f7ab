import type { BackupKind } from '../../shared/ipc';
import type { BordereauDb } from './database';

/**
 * The last disk copy that failed, kept in settings until a copy succeeds: failures used to
 * reach only the console, where no technician looks. Shown by the app (BackupFailureNotice).
 */
export const LAST_BACKUP_FAILURE_KEY = 'lastBackupFailure';

export type BackupFailure = { kind: BackupKind; message: string; at: number };

export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  'avant-changement': 'avant changement de version',
  quotidienne: 'quotidienne',
  'apres-signature': 'après signature',
};

export async function recordBackupFailure(db: BordereauDb, failure: BackupFailure): Promise<void> {
  await db.settings.put({ key: LAST_BACKUP_FAILURE_KEY, value: failure });
}

export async function clearBackupFailure(db: BordereauDb): Promise<void> {
  await db.settings.delete(LAST_BACKUP_FAILURE_KEY);
}

export function readBackupFailure(value: unknown): BackupFailure | null {
  const v = value as Partial<BackupFailure> | undefined;
  return v && typeof v.message === 'string' && typeof v.at === 'number' && v.kind
    ? (v as BackupFailure)
    : null;
}
