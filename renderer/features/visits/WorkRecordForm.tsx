import { useState } from 'react';
import { appDeps } from '../../use-cases/deps';
import { workSchema } from '../../../shared/report/model';
import { saveWork } from '../../use-cases/visits/save-work';
import { userMessage } from '../../ui/user-message';
import { COMMON_TASKS } from './common-tasks';
import { ComplementaryWorkForm } from './ComplementaryWorkForm';
import { WorkEquipmentFieldset } from './WorkEquipmentFieldset';
import { WorkPartsFieldset } from './WorkPartsFieldset';
import { WorkResultFieldset } from './WorkResultFieldset';
import type { VisitContext } from './useVisitContext';
import type { VisitWork } from '../../../shared/visit/visit-record';
import { FormError } from '../../ui/FormError';

/**
 * The work record. Text fields are saved when they lose focus, every other control at once:
 * what the technician typed is in IndexedDB before they move on.
 */
export function WorkRecordForm({ context }: { context: VisitContext }) {
  const { visit, equipment } = context;
  const [work, setWork] = useState<VisitWork>(visit.work);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const save = async (next: VisitWork) => {
    try {
      await saveWork(appDeps(), { visitId: visit.id, work: next });
      setError(null);
      setSaved(true);
    } catch (e) {
      setError(userMessage(e, 'Enregistrement impossible.'));
    }
  };
  const edit = (patch: Partial<VisitWork>) => {
    setSaved(false);
    setWork((w) => ({ ...w, ...patch }));
  };
  const commit = (patch: Partial<VisitWork>) => {
    const next = { ...work, ...patch };
    setWork(next);
    void save(next);
  };

  /**
   * The description as the bordereau requires it (the report's own rule and message): an
   * emptied description is refused rather than saved, the stored one stays.
   */
  const saveDescribed = (next: VisitWork) => {
    const described = workSchema.shape.description.safeParse(next.description);
    if (!described.success) {
      setSaved(false);
      setError(userMessage(described.error));
      return;
    }
    void save(next);
  };

  const checklistLabels = [...new Set([...COMMON_TASKS, ...work.checklist.map((c) => c.label)])];
  return (
    <section className="panel" aria-labelledby="work-title">
      <h2 id="work-title">Compte rendu des travaux</h2>
      <label className="field">
        Travaux réalisés
        <textarea
          rows={6}
          value={work.description}
          onChange={(e) => edit({ description: e.target.value })}
          onBlur={() => saveDescribed(work)}
        />
      </label>

      <fieldset>
        <legend>Points de contrôle</legend>
        {checklistLabels.map((label) => {
          const done = work.checklist.find((c) => c.label === label)?.done ?? false;
          return (
            <label key={label} className="check">
              <input
                type="checkbox"
                checked={done}
                onChange={(e) =>
                  commit({
                    checklist: [
                      ...work.checklist.filter((c) => c.label !== label),
                      { label, done: e.target.checked },
                    ].filter((c) => c.done || !COMMON_TASKS.includes(c.label)),
                  })
                }
              />
              {label}
            </label>
          );
        })}
      </fieldset>

      <WorkEquipmentFieldset context={context} work={work} commit={commit} />

      <ComplementaryWorkForm
        work={work}
        commit={commit}
        equipment={equipment}
        quotes={visit.quotes}
      />

      <WorkPartsFieldset context={context} work={work} commit={commit} />

      {visit.header.mode === 'onsite' && (
        <fieldset>
          <legend>Déplacement et frais</legend>
          <div className="grid-4">
            {(
              [
                ['travelKm', 'Kilomètres parcourus'],
                ['meals', 'Repas'],
                ['lodgingNights', 'Nuits d’hébergement'],
              ] as const
            ).map(([key, label]) => (
              <label key={key} className="field">
                {label}
                <input
                  type="number"
                  min={0}
                  step={1}
                  value={work[key]}
                  onChange={(e) =>
                    commit({ [key]: Math.max(0, Math.trunc(Number(e.target.value) || 0)) })
                  }
                />
              </label>
            ))}
          </div>
        </fieldset>
      )}

      <WorkResultFieldset work={work} edit={edit} commit={commit} save={save} />

      <label className="field">
        Recommandations
        <textarea
          rows={3}
          value={work.recommendations}
          onChange={(e) => edit({ recommendations: e.target.value })}
          onBlur={() => void save(work)}
        />
      </label>
      <label className="field">
        Remarques du client
        <textarea
          rows={2}
          value={work.clientRemarks}
          onChange={(e) => edit({ clientRemarks: e.target.value })}
          onBlur={() => void save(work)}
        />
      </label>
      <div className="row">
        <button type="button" className="primary" onClick={() => saveDescribed(work)}>
          Enregistrer le compte rendu
        </button>
        {saved && (
          <span role="status" className="muted">
            Enregistré.
          </span>
        )}
      </div>
      <FormError message={error} />
    </section>
  );
}
