import { Navigate } from 'react-router';
import { useHasJobsToday } from '../../use-cases/today/use-has-jobs-today';

/** The first screen: « Aujourd'hui » when jobs are planned today, the clients otherwise. */
export function TodayLanding() {
  const hasJobs = useHasJobsToday();
  if (hasJobs === undefined) return <p>Chargement…</p>;
  return <Navigate to={hasJobs ? '/aujourdhui' : '/clients'} replace />;
}
