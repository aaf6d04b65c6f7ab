import { useState, useSyncExternalStore } from 'react';
import { appUpdateReady, installAppUpdate, subscribeAppUpdate } from '../platform/app-update';

/**
 * The browser version's new release, downloaded and waiting (platform/app-update.ts): said on
 * every screen, installed when the user chooses. Never in the desktop app, which updates
 * through its installer.
 */
export function UpdateBanner() {
  const ready = useSyncExternalStore(subscribeAppUpdate, appUpdateReady, () => false);
  const [installing, setInstalling] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (!ready) return null;
  const install = () => {
    setInstalling(true);
    setFailure(null);
    installAppUpdate().catch((error: unknown) => {
      setInstalling(false);
      setFailure(error instanceof Error ? error.message : String(error));
    });
  };
  return (
    <div className="update-banner" role="region" aria-label="Nouvelle version">
      <span>
        Une nouvelle version de Bordereau est prête. Elle s’installera d’elle-même quand tous les
        onglets de l’application seront fermés, ou maintenant : terminez d’abord la saisie en cours,
        la page sera rechargée (vos données restent sur cet ordinateur).
      </span>
      <button type="button" onClick={install} disabled={installing}>
        {installing ? 'Mise à jour…' : 'Mettre à jour maintenant'}
      </button>
      {failure && <span role="alert">Mise à jour impossible : {failure}</span>}
    </div>
  );
}
