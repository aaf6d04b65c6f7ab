import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDb } from '../../db/database';
import { listUnfinishedVisits } from '../../db/repositories/interventions';
import { desktop, isDesktopShell } from '../../platform/desktop';
import { checkForUpdates, installUpdate, updateStatusText, type UpdateState } from './app-update';

/** Settings › Mises à jour (desktop only): releases come from the office server. */
export function UpdatePanel() {
  const db = getDb();
  const [state, setState] = useState<UpdateState | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const visitRunning = useLiveQuery(async () => (await listUnfinishedVisits(db)).length > 0, [db]);

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
