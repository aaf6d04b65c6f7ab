import type { DesktopApi } from '../../shared/ipc';
import { writeBackupToDisk } from './backup';
import { clearBackupFailure, recordBackupFailure } from './backup-failure';
import type { BordereauDb } from './database';

export const LAST_ROLLING_BACKUP_KEY = 'lastRollingBackup';
/** A daily copy is due when the last one is older than this (a laptop opened every morning). */
export const DAILY_BACKUP_INTERVAL_MS = 20 * 60 * 60 * 1000;

export type RollingReason = 'quotidienne' | 'apres-signature';
type BackupDesktop = Pick<DesktopApi, 'writeBackup' | 'missingBackupFiles' | 'writeBackupFile'>;

export type RollingOutcome =
  | { kind: 'saved'; name: string; path: string }
  | { kind: 'skipped'; why: 'not-due' | 'empty' | 'unavailable' }
  | { kind: 'failed'; message: string };

/**
 * Copies of the whole database written to disk through the desktop shell while it holds
 * data: once a day at start-up and right after each signature. The copy made when the app
 * version changes cannot protect against the change itself: Chromium wipes IndexedDB when
 * the new version opens it (electron/electron#24882, #38616), before any code can copy it,
 * so the latest copy must already be on disk. The shell decides which copies it keeps
 * (electron/backup-retention.ts); a failure is recorded and shown in the app.
 */
export async function writeRollingBackup(
  db: BordereauDb,
  desktop: BackupDesktop,
  appVersion: string,
  reason: RollingReason,
  now: number = Date.now(),
): Promise<RollingOutcome> {
  // An empty database (first start, or just wiped) is never copied: such a copy could only
  // crowd out good ones.
  const [clients, visits, reports] = await Promise.all([
    db.clients.count(),
    db.interventions.count(),
    db.reports.count(),
  ]);
  if (clients + visits + reports === 0) return { kind: 'skipped', why: 'empty' };
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const name = `bordereau-${reason}-${stamp}.json`;
  const result = await writeBackupToDisk(db, desktop, { kind: reason, name, appVersion, now });
  if (!result.ok) {
    if (result.error.code === 'unavailable') return { kind: 'skipped', why: 'unavailable' };
    await recordBackupFailure(db, { kind: reason, message: result.error.message, at: now });
    return { kind: 'failed', message: result.error.message };
  }
  await db.settings.put({ key: LAST_ROLLING_BACKUP_KEY, value: { name, at: now } });
  await clearBackupFailure(db);
  return { kind: 'saved', name, path: result.value.path };
}

/** The daily copy, when the last rolling copy is older than DAILY_BACKUP_INTERVAL_MS. */
export async function dailyBackupIfDue(
  db: BordereauDb,
  desktop: BackupDesktop,
  appVersion: string,
  now: number = Date.now(),
): Promise<RollingOutcome> {
  const last = (await db.settings.get(LAST_ROLLING_BACKUP_KEY))?.value as
    { at?: unknown } | undefined;
  if (typeof last?.at === 'number' && now - last.at < DAILY_BACKUP_INTERVAL_MS) {
    return { kind: 'skipped', why: 'not-due' };
  }
  return writeRollingBackup(db, desktop, appVersion, 'quotidienne', now);
}
