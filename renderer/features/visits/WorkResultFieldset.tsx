import { INTERRUPTION_REASON_LABELS } from '../../../shared/report/labels';
import { INTERRUPTION_REASONS } from '../../../shared/report/model';
import type { InterruptionReason } from '../../../shared/report/model';
import type { VisitWork } from '../../../shared/visit/visit-record';
import type { WorkDraft } from './work-draft';

/** The visit's result: resolved, to be continued (what next) or interrupted (why). */
export function WorkResultFieldset({
  work,
  edit,
  commit,
  save,
}: WorkDraft & {
  /** Shows a change without saving it (text typed, saved when the field loses focus). */
  edit: (patch: Partial<VisitWork>) => void;
  save: (work: VisitWork) => Promise<void>;
}) {
  return (
    <fieldset>
      <legend>Résultat</legend>
      <label className="field">
        Résultat de l’intervention
        <select
          value={work.result.status}
          onChange={(e) =>
            commit({
              result: { ...work.result, status: e.target.value as VisitWork['result']['status'] },
            })
          }
        >
          <option value="resolved">Résolu</option>
          <option value="to-be-continued">À poursuivre</option>
          <option value="interrupted">Interrompu</option>
        </select>
      </label>
      {work.result.status === 'to-be-continued' && (
        <label className="field">
          Suite à donner
          <textarea
            rows={2}
            value={work.result.nextSteps}
            onChange={(e) => edit({ result: { ...work.result, nextSteps: e.target.value } })}
            onBlur={() => void save(work)}
          />
        </label>
      )}
      {work.result.status === 'interrupted' && (
        <>
          <label className="field">
            Motif de l’interruption
            <select
              value={work.result.reason ?? ''}
              onChange={(e) =>
                commit({
                  result: {
                    ...work.result,
                    reason: e.target.value === '' ? null : (e.target.value as InterruptionReason),
                  },
                })
              }
            >
              <option value="">Choisir…</option>
              {INTERRUPTION_REASONS.map((r) => (
                <option key={r} value={r}>
                  {INTERRUPTION_REASON_LABELS[r]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Précisions
            <textarea
              rows={2}
              value={work.result.detail}
              onChange={(e) => edit({ result: { ...work.result, detail: e.target.value } })}
              onBlur={() => void save(work)}
            />
          </label>
        </>
      )}
    </fieldset>
  );
}
