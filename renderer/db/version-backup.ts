import type { DesktopApi } from '../../shared/ipc';
import { writeBackupToDisk } from './backup';
import { clearBackupFailure, recordBackupFailure } from './backup-failure';
import type { BordereauDb } from './database';

export const APP_VERSION_KEY = 'appVersion';
export const LAST_AUTO_BACKUP_KEY = 'lastAutoBackup';

export type AutoBackupOutcome =
  | { kind: 'first-run' }
  | { kind: 'same-version' }
  | { kind: 'saved'; name: string; path: string; from: string; to: string }
  | { kind: 'failed'; from: string; to: string; message: string };

/** A file name the desktop shell accepts (letters, digits, . _ -), with its kind's prefix. */
export function autoBackupName(previousVersion: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  return `bordereau-avant-changement-v${previousVersion.replace(/[^A-Za-z0-9.-]/g, '_')}-${stamp}.json`;
}

/**
 * When the app starts with a different version than last time, copies the whole database
 * to disk through the desktop shell before anything else writes to it: Electron has wiped
 * IndexedDB on some upgrades and downgrades (electron/electron#24882, #38616). The version
 * is recorded only once the copy is saved, so a failed copy is retried at the next start.
 */
export async function backupOnVersionChange(
  db: BordereauDb,
  desktop: Pick<DesktopApi, 'writeBackup' | 'missingBackupFiles' | 'writeBackupFile'>,
  appVersion: string,
  now: number = Date.now(),
): Promise<AutoBackupOutcome> {
  const previous = await db.settings.get(APP_VERSION_KEY);
  if (previous === undefined) {
    await db.settings.put({ key: APP_VERSION_KEY, value: appVersion });
    return { kind: 'first-run' };
  }
  const from = String(previous.value);
  if (from === appVersion) return { kind: 'same-version' };
  const name = autoBackupName(from, now);
  const result = await writeBackupToDisk(db, desktop, {
    kind: 'avant-changement',
    name,
    appVersion: from,
    now,
  });
  let outcome: AutoBackupOutcome;
  if (result.ok) {
    outcome = { kind: 'saved', name, path: result.value.path, from, to: appVersion };
    await db.settings.put({ key: APP_VERSION_KEY, value: appVersion });
    await clearBackupFailure(db);
  } else if (result.error.code === 'unavailable') {
    // In a plain browser there is no disk to write to; the version change is still recorded.
    outcome = { kind: 'failed', from, to: appVersion, message: result.error.message };
    await db.settings.put({ key: APP_VERSION_KEY, value: appVersion });
  } else {
    outcome = { kind: 'failed', from, to: appVersion, message: result.error.message };
    await recordBackupFailure(db, {
      kind: 'avant-changement',
      message: result.error.message,
      at: now,
    });
  }
  await db.settings.put({ key: LAST_AUTO_BACKUP_KEY, value: { ...outcome, at: now } });
  return outcome;
}
