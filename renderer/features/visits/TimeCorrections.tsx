import { useState } from 'react';
import { instantOf, localDateOf } from '../../../shared/calendar/local-date';
import { formatDateTime, formatTime } from '../../../shared/format/date';
import { TIMER_EVENT_LABELS } from '../../../shared/report/labels';
import { visitTimeline } from '../../../shared/time/segments';
import type { TimerActionEvent } from '../../../shared/time/events';
import { appDeps } from '../../use-cases/deps';
import { correctTimer } from '../../use-cases/visits/correct-timer';
import { userMessage } from '../../ui/user-message';
import { clock } from './clock';
import { notBeforeLastTap } from './useNow';
import type { VisitRecord } from '../../../shared/visit/visit-record';

/** "2026-11-23T09:12" (Paris wall clock) for a datetime-local input. */
function toInput(ms: number): string {
  return `${localDateOf(ms)}T${formatTime(ms)}`;
}

function fromInput(value: string): number | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  return instantOf(match[1]!, Number(match[2]) * 60 + Number(match[3]));
}

/**
 * The recorded taps, and the correction of a forgotten one (before signature only): the
 * original time stays, the corrected time and the reason are shown on the report.
 */
export function TimeCorrections({ visit }: { visit: VisitRecord }) {
  const [editing, setEditing] = useState<TimerActionEvent | null>(null);
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const actions = visit.events.filter((e): e is TimerActionEvent => e.type !== 'correct');
  if (actions.length === 0) return null;
  let corrected = new Map<string, number>();
  let corrections: ReturnType<typeof visitTimeline>['corrections'] = [];
  try {
    const timeline = visitTimeline(visit.events, notBeforeLastTap(visit.events, clock.now()));
    corrections = timeline.corrections;
    corrected = new Map(corrections.map((c) => [c.eventId, c.corrected]));
  } catch {
    // Shown as recorded; the timer panel reports the problem.
  }
  const editable = visit.status !== 'signed';

  const submit = async () => {
    if (!editing) return;
    const at = fromInput(value);
    if (at === null) {
      setError('Heure invalide.');
      return;
    }
    if (!reason.trim()) {
      setError('Indiquez la raison de la correction : elle figure sur le bordereau.');
      return;
    }
    try {
      await correctTimer(appDeps(), { visitId: visit.id, target: editing.id, at, reason });
      setEditing(null);
      setError(null);
    } catch (e) {
      setError(userMessage(e, 'Correction refusée.'));
    }
  };

  return (
    <section className="panel" aria-labelledby="times-title">
      <h2 id="times-title">Horaires relevés</h2>
      <table>
        <thead>
          <tr>
            <th>Événement</th>
            <th>Heure</th>
            <th>Correction</th>
            {editable && <th />}
          </tr>
        </thead>
        <tbody>
          {actions.map((event) => (
            <tr key={event.id}>
              <td>{TIMER_EVENT_LABELS[event.type]}</td>
              <td>{formatDateTime(event.at)}</td>
              <td>
                {corrected.has(event.id)
                  ? `${formatDateTime(corrected.get(event.id)!)} — ${corrections.filter((c) => c.eventId === event.id).at(-1)?.reason ?? ''}`
                  : '—'}
              </td>
              {editable && (
                <td>
                  <button
                    type="button"
                    onClick={() => {
                      setEditing(event);
                      setValue(toInput(corrected.get(event.id) ?? event.at));
                      setReason('');
                      setError(null);
                    }}
                  >
                    Corriger
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <form
          className="correction-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <h3>Corriger « {TIMER_EVENT_LABELS[editing.type]} »</h3>
          <label className="field">
            Heure réelle
            <input type="datetime-local" value={value} onChange={(e) => setValue(e.target.value)} />
          </label>
          <label className="field">
            Raison de la correction
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          </label>
          <div className="row">
            <button type="submit" className="primary">
              Enregistrer la correction
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              Annuler
            </button>
          </div>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
