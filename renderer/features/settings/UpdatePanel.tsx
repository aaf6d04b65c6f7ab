import { useEffect, useState } from 'react';
import { desktop, isDesktopShell } from '../../platform/desktop';
import {
  checkForUpdates,
  installUpdate,
  updateStatusText,
  useVisitUnderWay,
  type UpdateState,
} from '../../use-cases/settings/app-update';
import { appDeps } from '../../use-cases/deps';

/** Settings › Mises à jour (desktop only): releases come from the office server. */
export function UpdatePanel() {
  const { db } = appDeps();
  const [state, setState] = useState<UpdateState | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const visitRunning = useVisitUnderWay();

  useEffect(() => {
    if (!isDesktopShell) return;
    void checkForUpdates(db, desktop).then((result) => {
      if (result === null)
        setMessage('Connectez-vous au serveur du bureau pour recevoir les mises à jour.');
      else if (result.ok) setState(result.value);
      else setMessage(result.error.message);
    });
  }, [db]);

  if (!isDesktopShell) return null;
  return (
    <div className="panel" aria-labelledby="maj-title">
      <h2 id="maj-title">Mises à jour</h2>
      {state && <p data-testid="update-status">{updateStatusText(state)}</p>}
      {state?.status === 'ready' && (
        <>
          {visitRunning && (
            <p className="muted">
              Une intervention est en cours : la mise à jour s’installera quand elle sera terminée.
            </p>
          )}
          <button
            type="button"
            disabled={visitRunning !== false}
            onClick={() =>
              void installUpdate(db, desktop).then((r) => !r.ok && setMessage(r.error.message))
            }
          >
            Redémarrer et installer la version {state.version}
          </button>
        </>
      )}
      {message && <p role="status">{message}</p>}
    </div>
  );
}
