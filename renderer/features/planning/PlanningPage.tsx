import { useEffect, useState } from 'react';
import { usePlanningData, useTechnicians } from '../../use-cases/planning/use-planning-data';
import { RecurringVisitsPanel } from './RecurringVisitsPanel';
import { RequestForm } from './RequestForm';
import { RequestsPanel } from './RequestsPanel';
import { WeekView } from './WeekView';

/** The office's planning: record a call, plan requests, the week per technician, the SLA. */
export function PlanningPage() {
  const data = usePlanningData();
  const { technicians, error } = useTechnicians();
  // Deadlines pass while the screen stays open: re-read the clock every minute.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (!data) return <p>Chargement…</p>;
  return (
    <div>
      <h1>Planning</h1>
      {error && <p role="alert">{error}</p>}
      <RequestForm data={data} />
      <RequestsPanel data={data} technicians={technicians} now={now} />
      <WeekView data={data} technicians={technicians} now={now} />
      <RecurringVisitsPanel data={data} technicians={technicians} now={now} />
    </div>
  );
}
