import { Link } from 'react-router';
import { visitTimeline } from '../../../shared/time/segments';
import { useRunningVisit } from '../../use-cases/visits/use-visit-lists';
import { formatClock, TIMER_STATE_LABELS } from '../../../shared/visit/visit-labels';
import { notBeforeLastTap, useNow } from './useNow';

/** The visit under way, on every screen: a technician must never lose sight of a running timer. */
export function RunningVisitBanner() {
  const running = useRunningVisit();
  const now = useNow(Boolean(running));
  if (!running) return null;
  let summary: string;
  try {
    const timeline = visitTimeline(
      running.visit.events,
      notBeforeLastTap(running.visit.events, now),
    );
    summary = `${TIMER_STATE_LABELS[timeline.state]} · ${formatClock(timeline.workedMs)}`;
  } catch {
    summary = 'Minuteur à vérifier';
  }
  return (
    <div className="running-visit" role="region" aria-label="Intervention en cours">
      <span>
        Intervention en cours chez <strong>{running.clientName}</strong> —{' '}
        <span data-testid="banner-timer">{summary}</span>
      </span>
      <Link to={`/interventions/${running.visit.id}`}>Ouvrir l’intervention</Link>
    </div>
  );
}
