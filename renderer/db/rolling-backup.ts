import type { DesktopApi } from '../../shared/ipc';
import { backupToJson } from './backup';
import type { BordereauDb } from './database';

export const LAST_ROLLING_BACKUP_KEY = 'lastRollingBackup';
/** A daily copy is due when the last one is older than this (a laptop opened every morning). */
export const DAILY_BACKUP_INTERVAL_MS = 20 * 60 * 60 * 1000;

export type RollingReason = 'quotidienne' | 'apres-signature';

export type RollingOutcome =
  | { kind: 'saved'; name: string; path: string }
  | { kind: 'skipped'; why: 'not-due' | 'empty' | 'unavailable' }
  | { kind: 'failed'; message: string };

/**
 * Copies of the whole database written to disk through the desktop shell while it holds
 * data: once a day at start-up and right after each signature. The copy made when the app
 * version changes cannot protect against the change itself: Chromium wipes IndexedDB when
 * the new version opens it (electron/electron#24882, #38616), before any code can copy it,
 * so the latest copy must already be on disk. The shell keeps the 20 newest files.
 */
export async function writeRollingBackup(
  db: BordereauDb,
  desktop: Pick<DesktopApi, 'writeBackup'>,
  appVersion: string,
  reason: RollingReason,
  now: number = Date.now(),
): Promise<RollingOutcome> {
  // An empty database (first start, or just wiped) must never push good copies out of the
  // 20 the shell keeps.
  const [clients, visits, reports] = await Promise.all([
    db.clients.count(),
    db.interventions.count(),
    db.reports.count(),
  ]);
  if (clients + visits + reports === 0) return { kind: 'skipped', why: 'empty' };
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const name = `bordereau-${reason}-${stamp}.json`;
  const result = await desktop.writeBackup({ name, json: await backupToJson(db, appVersion, now) });
  if (!result.ok) {
    if (result.error.code === 'unavailable') return { kind: 'skipped', why: 'unavailable' };
    return { kind: 'failed', message: result.error.message };
  }
  await db.settings.put({ key: LAST_ROLLING_BACKUP_KEY, value: { name, at: now } });
  return { kind: 'saved', name, path: result.value.path };
}

/** The daily copy, when the last rolling copy is older than DAILY_BACKUP_INTERVAL_MS. */
export async function dailyBackupIfDue(
  db: BordereauDb,
  desktop: Pick<DesktopApi, 'writeBackup'>,
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
