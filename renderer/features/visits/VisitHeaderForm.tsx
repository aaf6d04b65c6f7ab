import { useState } from 'react';
import {
  INTERVENTION_MODE_LABELS,
  INTERVENTION_TYPE_LABELS,
  URGENCY_LABELS,
} from '../../../shared/report/labels';
import { INTERVENTION_MODES, INTERVENTION_TYPES, URGENCIES } from '../../../shared/report/model';
import { appDeps } from '../../use-cases/deps';
import { saveHeader } from '../../use-cases/visits/save-work';
import { userMessage } from '../../ui/user-message';
import type { VisitHeader } from '../../../shared/visit/visit-record';

/** Corrects what was said at the start (the representative arrived later, the mode changed…). */
export function VisitHeaderForm({
  visitId,
  header,
  onDone,
}: {
  visitId: string;
  header: VisitHeader;
  onDone: () => void;
}) {
  const [draft, setDraft] = useState({
    ...header,
    representative: header.representative ?? { name: '', role: '' },
  });
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<typeof draft>) => setDraft({ ...draft, ...patch });

  const save = async () => {
    try {
      await saveHeader(appDeps(), {
        visitId,
        header: {
          ...draft,
          representative: draft.representative.name.trim() ? draft.representative : null,
        },
      });
      onDone();
    } catch (e) {
      setError(userMessage(e, 'Modification refusée.'));
    }
  };

  return (
    <form
      className="panel"
      aria-label="Modifier l’en-tête de l’intervention"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="grid-4">
        <label className="field">
          Mode
          <select
            value={draft.mode}
            onChange={(e) => set({ mode: e.target.value as VisitHeader['mode'] })}
          >
            {INTERVENTION_MODES.map((m) => (
              <option key={m} value={m}>
                {INTERVENTION_MODE_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Type
          <select
            value={draft.type}
            onChange={(e) => set({ type: e.target.value as VisitHeader['type'] })}
          >
            {INTERVENTION_TYPES.map((t) => (
              <option key={t} value={t}>
                {INTERVENTION_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Urgence
          <select
            value={draft.urgency}
            onChange={(e) => set({ urgency: e.target.value as VisitHeader['urgency'] })}
          >
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {URGENCY_LABELS[u]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          N° de ticket du client
          <input
            value={draft.requestReference}
            onChange={(e) => set({ requestReference: e.target.value })}
            maxLength={100}
          />
        </label>
      </div>
      <label className="field">
        Objet de la demande
        <textarea
          rows={2}
          value={draft.request}
          onChange={(e) => set({ request: e.target.value })}
          required
        />
      </label>
      <div className="grid-4">
        <label className="field">
          Représentant du client présent
          <input
            value={draft.representative.name}
            onChange={(e) =>
              set({ representative: { ...draft.representative, name: e.target.value } })
            }
          />
        </label>
        <label className="field">
          Fonction
          <input
            value={draft.representative.role}
            onChange={(e) =>
              set({ representative: { ...draft.representative, role: e.target.value } })
            }
          />
        </label>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.clientConfirmedBackup}
          onChange={(e) => set({ clientConfirmedBackup: e.target.checked })}
        />
        Le client confirme disposer d’une sauvegarde récente
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.includedInSubscription}
          onChange={(e) => set({ includedInSubscription: e.target.checked })}
        />
        Visite incluse dans l’abonnement d’infogérance
      </label>
      <div className="row">
        <button type="submit" className="primary">
          Enregistrer
        </button>
        <button type="button" onClick={onDone}>
          Annuler
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
