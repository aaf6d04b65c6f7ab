import { desktop } from '../platform/desktop';
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
    const daily = await dailyBackupIfDue(db, desktop, version);
    if (daily.kind === 'failed')
      console.warn('Sauvegarde quotidienne non enregistrée :', daily.message);
  } catch (error) {
    console.error('Ouverture de la base locale impossible', error);
  }
  void requestPersistentStorage();
}
