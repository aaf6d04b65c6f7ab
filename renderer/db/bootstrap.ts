import { desktop, isDesktopShell } from '../platform/desktop';
import { getDb, getDeviceId } from './database';
import { requestPersistentStorage } from './storage';
import { dailyBackupIfDue } from './rolling-backup';
import { backupOnVersionChange } from './version-backup';

/**
 * Opens the local database at start: asks for persistent storage, makes sure the device has
 * its id, saves a copy to disk when the app version changed since the last start, and the
 * daily copy (rolling-backup.ts).
 * Failures are logged, not thrown: the app must still open to let the user restore.
 */
export async function bootstrapDatabase(): Promise<void> {
  const db = getDb();
  try {
    await db.open();
    await getDeviceId(db);
    const info = await desktop.appInfo();
    const version = info.ok ? info.value.version : (import.meta.env.VITE_APP_VERSION ?? '0.0.0');
    const outcome = await backupOnVersionChange(db, desktop, version);
    if (outcome.kind === 'failed')
      console.warn('Sauvegarde automatique non enregistrée :', outcome.message);
    // The daily copy reads and serialises the whole database (tens of MB with 100,000
    // items, on the main thread): never in a plain browser, where there is no disk to write
    // it to and it was thrown away after costing 1–2 s of every start (docs/benchmarks.md,
    // Inventory on disk), and in the desktop app only once the first screen is up.
    if (isDesktopShell) afterStartUp(() => void dailyCopy(version));
  } catch (error) {
    console.error('Ouverture de la base locale impossible', error);
  }
  void requestPersistentStorage();
}

async function dailyCopy(version: string): Promise<void> {
  try {
    const daily = await dailyBackupIfDue(getDb(), desktop, version);
    if (daily.kind === 'failed')
      console.warn('Sauvegarde quotidienne non enregistrée :', daily.message);
  } catch (error) {
    console.warn('Sauvegarde quotidienne non enregistrée :', error);
  }
}

/** Runs `task` when the browser is idle after start-up (at the latest 5 s after). */
function afterStartUp(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 5_000 });
  else setTimeout(task, 2_000);
}
