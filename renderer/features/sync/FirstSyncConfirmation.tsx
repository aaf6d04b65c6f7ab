import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Role } from '../../../shared/sync/protocol';
import { getDb } from '../../db/database';
import {
  confirmFirstSync,
  needsFirstSyncConfirmation,
  readFirstSyncPreview,
} from '../../sync/first-sync';
import { syncNow } from '../../sync/sync-service';
import { entityLabel } from './entity-labels';

/**
 * The first sync of a laptop holding work made offline waits for this: what will be sent, what
 * the office validates, what stays here; then the user confirms.
 */
export function FirstSyncConfirmation({ role }: { role: Role }) {
  const db = getDb();
  const needed = useLiveQuery(() => needsFirstSyncConfirmation(db), [db]);
  const preview = useLiveQuery(
    async () => (needed ? readFirstSyncPreview(db, role) : null),
    [db, needed, role],
  );
  const [busy, setBusy] = useState(false);
  if (!needed || !preview) return null;
  return (
    <div
      className="panel"
      role="region"
      aria-labelledby="first-sync-title"
      data-testid="first-sync"
    >
      <h2 id="first-sync-title">Première synchronisation : ce qui va se passer</h2>
      <ul>
        {preview.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="muted">
        Envoyés :{' '}
        {Object.entries(preview.sent)
          .map(([entity, n]) => `${entityLabel(entity)} × ${n}`)
          .join(', ')}
      </p>
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void confirmFirstSync(db)
            .then(() => syncNow())
            .finally(() => setBusy(false));
        }}
      >
        Confirmer et synchroniser
      </button>
    </div>
  );
}
