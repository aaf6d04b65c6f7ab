import type { DesktopApi } from '../../../shared/ipc';

/** The secret key of the sync token (the one the shell accepts, shared/ipc.ts). */
const TOKEN_KEY = 'sync.token';

/**
 * The warning the settings screen shows when the stored sync token is not protected by an
 * OS keychain: in a plain browser always, in the shell on a Linux session without a keyring
 * (or with Chromium's hard-coded `basic_text` password). null when there is nothing to say.
 */
export async function tokenProtectionWarning(
  desktop: Pick<DesktopApi, 'secretStatus'>,
  isDesktopShell: boolean,
): Promise<string | null> {
  const status = await desktop.secretStatus({ key: TOKEN_KEY });
  if (!status.ok) return `État du jeton de connexion inconnu : ${status.error.message}`;
  if (!status.value.stored || status.value.encrypted) return null;
  return isDesktopShell
    ? 'Le jeton de connexion au serveur du bureau est enregistré sans chiffrement : cet ordinateur n’a pas de trousseau système (sous Linux : installez et déverrouillez GNOME Keyring ou KWallet, puis reconnectez-vous). Toute personne ayant accès à votre session peut le lire.'
    : 'Dans le navigateur, le jeton de connexion au serveur du bureau est conservé sans chiffrement dans ce profil : toute personne ayant accès à ce navigateur peut le lire. Préférez l’application de bureau.';
}
