import { useState } from 'react';
import type { Role } from '../../../shared/sync/protocol';
import { confirmFirstSync, useFirstSyncPreview } from '../../use-cases/sync/first-sync';
import { appSyncDeps } from '../../use-cases/sync/sync-deps';
import { entityLabel } from './entity-labels';

/**
 * The first sync of a laptop holding work made offline waits for this: what will be sent, what
 * the office validates, what stays here; then the user confirms.
 */
export function FirstSyncConfirmation({ role }: { role: Role }) {
  const preview = useFirstSyncPreview(role);
  const [busy, setBusy] = useState(false);
  if (!preview) return null;
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
          void confirmFirstSync(appSyncDeps()).finally(() => setBusy(false));
        }}
      >
        Confirmer et synchroniser
      </button>
    </div>
  );
}
