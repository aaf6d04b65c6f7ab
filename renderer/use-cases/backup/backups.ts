import { useLiveQuery } from 'dexie-react-hooks';
import type { DesktopApi } from '../../../shared/ipc';
import {
  BACKUP_KIND_LABELS,
  LAST_BACKUP_FAILURE_KEY,
  readBackupFailure,
} from '../../db/backup-failure';
import { backupToJson, loadBackupFiles, parseBackup, restoreBackup } from '../../db/backup';
import type { Backup } from '../../db/backup';
import { getDb } from '../../db/database';
import type { BordereauDb } from '../../db/database';
import { LAST_AUTO_BACKUP_KEY } from '../../db/version-backup';
import type { AutoBackupOutcome } from '../../db/version-backup';

export { BACKUP_KIND_LABELS, parseBackup };
export type { Backup };

/** The whole local database as a backup file's JSON, stamped with the app's version. */
export async function exportBackup(deps: {
  readonly db: BordereauDb;
  readonly desktop: Pick<DesktopApi, 'appInfo'>;
}): Promise<string> {
  const info = await deps.desktop.appInfo();
  return backupToJson(deps.db, info.ok ? info.value.version : '0.0.0');
}

/**
 * Replaces the local data with a backup's. A disk copy names its photos as files beside it:
 * they are read first, outside the transaction that replaces the data; a failure leaves the
 * data as it was. Returns how many records were restored.
 */
export async function restoreFromBackup(
  deps: { readonly db: BordereauDb; readonly desktop: Pick<DesktopApi, 'readBackupFile'> },
  backup: Backup,
): Promise<number> {
  const files = await loadBackupFiles(backup, deps.desktop);
  return (await restoreBackup(deps.db, backup, files)).records;
}

/** The last automatic copy's outcome and how many clients the base holds, live. */
export function useBackupState():
  { lastAuto: (AutoBackupOutcome & { at: number }) | undefined; clientCount: number } | undefined {
  const db = getDb();
  return useLiveQuery(async () => {
    const [row, clientCount] = await Promise.all([
      db.settings.get(LAST_AUTO_BACKUP_KEY),
      db.clients.count(),
    ]);
    return {
      lastAuto: row?.value as (AutoBackupOutcome & { at: number }) | undefined,
      clientCount,
    };
  }, [db]);
}

/** The last disk copy's failure (null once a copy succeeds), live: shown on every screen. */
export function useBackupFailure() {
  const db = getDb();
  const row = useLiveQuery(() => db.settings.get(LAST_BACKUP_FAILURE_KEY), [db]);
  return readBackupFailure(row?.value);
}
