import { z } from 'zod';

/**
 * Where the office server publishes the desktop app's releases, for electron-updater's
 * `generic` provider: `latest.yml` (Windows), `latest-mac.yml`, `latest-linux.yml`, the
 * installers they name and their `.blockmap`s, copied there by whoever publishes a release.
 * Outside `/api/`: an app too old for the sync protocol must still reach its update.
 */
export const UPDATES_PATH = '/updates';

/** One file name of a release: no folder, no hidden file, nothing but a name. */
export const updateFileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._ +-]*$/,
    'nom de fichier de mise à jour invalide (lettres, chiffres, . _ - + et espaces)',
  )
  .refine((name) => !name.includes('..'), 'nom de fichier de mise à jour invalide');

/** The feed URL the shell gives electron-updater, from the office server's address. */
export function updateFeedUrl(serverUrl: string): string {
  return `${serverUrl.replace(/\/+$/, '')}${UPDATES_PATH}/`;
}
