import { join } from 'node:path';

/**
 * The app's identity on disk. userData (and so IndexedDB) follows the app name: renaming
 * the app, or even a trailing space (electron/electron#15245), orphans every user's data.
 * These values are frozen; changing them needs a data migration, not an edit.
 */
export const APP_NAME = 'Bordereau';
export const APP_ID = 'fr.bordereau.app';
export const DEV_USER_DATA_FOLDER = 'Bordereau-dev';

/** The userData folder, set explicitly before `ready`; development never touches real data. */
export function userDataPath(appDataDir: string, isPackaged: boolean): string {
  return join(appDataDir, isPackaged ? APP_NAME : DEV_USER_DATA_FOLDER);
}
