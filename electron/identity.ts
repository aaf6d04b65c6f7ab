import { join, win32 } from 'node:path';

/**
 * The app's identity on disk. userData (and so IndexedDB) follows the app name: renaming
 * the app, or even a trailing space (electron/electron#15245), orphans every user's data.
 * These values are frozen; changing them needs a data migration, not an edit.
 */
export const APP_NAME = 'Bordereau';
export const APP_ID = 'fr.bordereau.app';
export const DEV_USER_DATA_FOLDER = 'Bordereau-dev';

export type UserDataInputs = {
  /** app.getPath('appData'): ~/.config, ~/Library/Application Support, %APPDATA%. */
  appData: string;
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** %LOCALAPPDATA%, read on Windows only. */
  localAppData?: string | undefined;
};

/**
 * The userData folder, set explicitly before `ready`; development never touches real data.
 *
 * On Windows, Electron's appData is the roaming profile (%APPDATA%), which domain networks
 * copy to a file share at every log-off: no place for a database and hundreds of megabytes of
 * photos. Decided before the first release, as the location is then frozen like the name:
 * `%LOCALAPPDATA%\Bordereau` (Electron has no getPath name for it, hence the variable).
 */
export function userDataPath(inputs: UserDataInputs): string {
  const folder = inputs.isPackaged ? APP_NAME : DEV_USER_DATA_FOLDER;
  if (inputs.platform === 'win32' && inputs.localAppData) {
    return win32.join(inputs.localAppData, folder);
  }
  return join(inputs.appData, folder);
}
