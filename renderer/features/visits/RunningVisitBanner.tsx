import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { visitTimeline } from '../../../shared/time/segments';
import { getDb } from '../../db/database';
import { listUnfinishedVisits } from '../../db/repositories/interventions';
import { formatClock, TIMER_STATE_LABELS } from '../../../shared/visit/visit-labels';
import { notBeforeLastTap, useNow } from './useNow';

/** The visit under way, on every screen: a technician must never lose sight of a running timer. */
export function RunningVisitBanner() {
  const db = getDb();
  const running = useLiveQuery(async () => {
    const [visit] = await listUnfinishedVisits(db);
    if (!visit) return null;
    const client = await db.clients.get(visit.clientId);
    return { visit, clientName: client?.name ?? 'Client inconnu' };
  }, [db]);
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
