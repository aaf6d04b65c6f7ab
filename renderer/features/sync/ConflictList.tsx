import { useState } from 'react';
import { formatDateTime } from '../../../shared/format/date';
import { CONFLICT_KIND_LABELS, settleConflict } from '../../use-cases/sync/conflicts';
import type { ConflictRecord, FieldChoice } from '../../use-cases/sync/conflicts';
import { appSyncDeps } from '../../use-cases/sync/sync-deps';
import { entityLabel, fieldLabel } from './entity-labels';
import { displayValue } from './sync-age';
import { FormError } from '../../ui/FormError';
import { userMessage } from '../../ui/user-message';

/** Conflicts to settle: for each field, keep this side's value or the one the server kept. */
export function ConflictList({
  conflicts,
  deviceId,
}: {
  conflicts: readonly ConflictRecord[];
  deviceId: string | null;
}) {
  if (conflicts.length === 0) return <p className="muted">Aucun conflit à résoudre.</p>;
  return (
    <ul className="conflict-list">
      {conflicts.map((c) => (
        <li key={c.id}>
          <ConflictItem conflict={c} ours={c.deviceId !== undefined && c.deviceId === deviceId} />
        </li>
      ))}
    </ul>
  );
}

/**
 * `ours`: the losing edit was made on this laptop ("ma valeur"); otherwise it is named after
 * whoever made it, since the office or a colleague may settle it too.
 */
function ConflictItem({ conflict, ours }: { conflict: ConflictRecord; ours: boolean }) {
  const [choices, setChoices] = useState<Record<string, FieldChoice>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const apply = async (all?: FieldChoice) => {
    setBusy(true);
    setError(null);
    try {
      const chosen = all ? Object.fromEntries(conflict.fields.map((f) => [f.field, all])) : choices;
      await settleConflict(appSyncDeps(), { conflictId: conflict.id, choices: chosen });
    } catch (e) {
      setError(userMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const author = ours ? null : (conflict.accountName ?? 'l’autre modification');
  const mineLabel =
    conflict.kind === 'deleteVsEdit'
      ? ours
        ? 'Supprimer (mon choix)'
        : `Supprimer (choix de ${author})`
      : ours
        ? 'Ma valeur'
        : `Valeur de ${author}`;
  return (
    <article className="panel conflict" aria-label={`Conflit : ${entityLabel(conflict.entity)}`}>
      <header>
        <strong>{entityLabel(conflict.entity)}</strong> — {CONFLICT_KIND_LABELS[conflict.kind]}
        {conflict.detectedAt !== undefined && (
          <span className="muted"> · détecté le {formatDateTime(conflict.detectedAt)}</span>
        )}
        {conflict.accountName && (
          <span className="muted"> · modification de {conflict.accountName}</span>
        )}
      </header>
      <table>
        <thead>
          <tr>
            <th>Champ</th>
            <th>{mineLabel}</th>
            <th>Valeur gardée par le serveur</th>
          </tr>
        </thead>
        <tbody>
          {conflict.fields.map((f) => (
            <tr key={f.field}>
              <td>{fieldLabel(f.field, conflict.entity)}</td>
              <td>
                <label>
                  <input
                    type="radio"
                    name={`${conflict.id}-${f.field}`}
                    checked={choices[f.field] === 'mine'}
                    onChange={() => setChoices({ ...choices, [f.field]: 'mine' })}
                  />{' '}
                  {displayValue(f.deviceValue)}
                </label>
              </td>
              <td>
                <label>
                  <input
                    type="radio"
                    name={`${conflict.id}-${f.field}`}
                    checked={(choices[f.field] ?? 'theirs') === 'theirs'}
                    onChange={() => setChoices({ ...choices, [f.field]: 'theirs' })}
                  />{' '}
                  {displayValue(f.serverValue)}
                </label>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormError message={error} />
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void apply('mine')}>
          {ours ? 'Garder tout le mien' : `Garder tout celui de ${author}`}
        </button>
        <button type="button" disabled={busy} onClick={() => void apply('theirs')}>
          Garder tout celui du serveur
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void apply()}>
          Appliquer mes choix champ par champ
        </button>
      </div>
    </article>
  );
}
