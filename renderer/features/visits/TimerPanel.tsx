import { useState } from 'react';
import type { TimerAction } from '../../../shared/time/events';
import { formatDuration } from '../../../shared/format/duration';
import { formatMoney } from '../../../shared/format/money';
import { formatTime } from '../../../shared/format/date';
import { visitTimeline } from '../../../shared/time/segments';
import { appDeps } from '../../use-cases/deps';
import { tapTimer } from '../../use-cases/visits/tap-timer';
import { userMessage } from '../../ui/user-message';
import type { VisitContext } from './useVisitContext';
import { notBeforeLastTap, useNow } from './useNow';
import { formatClock, TIMER_STATE_LABELS } from '../../../shared/visit/visit-labels';
import { priceVisit, visitPricingInput } from '../../../shared/visit/visit-pricing';
import { FormError } from '../../ui/FormError';

/**
 * The timer: each tap is written to IndexedDB before anything else; the display is
 * recomputed every second from the stored events, with a live preview of the billed time,
 * the ladder step and the price.
 */
export function TimerPanel({ context }: { context: VisitContext }) {
  const { visit, contract, site, equipment } = context;
  const [error, setError] = useState<string | null>(null);
  const timelineNow = notBeforeLastTap(visit.events, useNow(visit.status === 'in-progress'));
  const timeline = visitTimeline(visit.events, timelineNow);
  const editable = visit.status !== 'signed';

  const tap = async (action: TimerAction) => {
    setError(null);
    try {
      await tapTimer(appDeps(), { visitId: visit.id, action });
    } catch (e) {
      setError(userMessage(e, 'Action du minuteur refusée.'));
    }
  };

  let preview: {
    billed: string;
    step: string;
    amount: string;
    details: string[];
    flags: string[];
  } | null = null;
  let previewError: string | null = null;
  if (contract) {
    try {
      const { priced } = priceVisit(
        visitPricingInput({ ...context, contract, site, equipment }, timelineNow),
      );
      preview = {
        billed: formatDuration(priced.billedMinutes),
        step: priced.stepLabel,
        amount: `${formatMoney(priced.totalHtCents)} HT · ${formatMoney(priced.ttcCents)} TTC`,
        // Every billed line explains itself; what the office will check is said now.
        details: priced.lines
          .filter((l) => l.htCents > 0 && l.detail !== null)
          .map((l) => `${l.label} : ${l.detail ?? ''}`),
        flags: priced.flags
          .filter((f) => f.code !== 'included-in-subscription')
          .map((f) => f.message),
      };
    } catch (e) {
      previewError = userMessage(e, 'Prix indisponible.');
    }
  }

  return (
    <section className="panel timer" aria-labelledby="timer-title">
      <h2 id="timer-title">Minuteur</h2>
      <div className="timer-main">
        <span className={`badge timer-state-${timeline.state}`} data-testid="timer-state">
          {TIMER_STATE_LABELS[timeline.state]}
        </span>
        <span className="timer-clock" data-testid="timer-clock" aria-live="off">
          {formatClock(timeline.workedMs)}
        </span>
      </div>
      <dl className="facts">
        <dt>Arrivée</dt>
        <dd>{timeline.arrival !== null ? formatTime(timeline.arrival) : '—'}</dd>
        <dt>Départ</dt>
        <dd>{timeline.departure !== null ? formatTime(timeline.departure) : '—'}</dd>
        <dt>Temps travaillé</dt>
        <dd data-testid="worked-time">{formatDuration(timeline.workedMinutes)}</dd>
        {preview && (
          <>
            <dt>Temps facturé</dt>
            <dd data-testid="billed-time">{preview.billed}</dd>
            <dt>Palier</dt>
            <dd data-testid="ladder-step">{preview.step}</dd>
            <dt>Montant</dt>
            <dd data-testid="price-preview">{preview.amount}</dd>
          </>
        )}
      </dl>
      {preview && preview.details.length > 0 && (
        <ul className="muted" data-testid="price-details">
          {preview.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
      {preview && preview.flags.length > 0 && (
        <ul className="warning" data-testid="price-flags">
          {preview.flags.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      {previewError && <p className="muted">{previewError}</p>}
      {editable && (
        <div className="row timer-actions">
          {timeline.state === 'not-started' && (
            <button type="button" className="primary" onClick={() => void tap('start')}>
              Démarrer
            </button>
          )}
          {timeline.state === 'running' && (
            <button type="button" onClick={() => void tap('pause')}>
              Pause
            </button>
          )}
          {timeline.state === 'paused' && (
            <button type="button" className="primary" onClick={() => void tap('resume')}>
              Reprendre
            </button>
          )}
          {(timeline.state === 'running' || timeline.state === 'paused') && (
            <button type="button" className="danger" onClick={() => void tap('stop')}>
              Terminer la visite
            </button>
          )}
        </div>
      )}
      <FormError message={error} />
    </section>
  );
}
