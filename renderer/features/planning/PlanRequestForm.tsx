import { useState } from 'react';
import { addLocalDays, localDateOf } from '../../../shared/calendar/local-date';
import { planJob } from '../../use-cases/planning/plan-job';
import type { Technician } from '../../use-cases/planning/use-planning-data';
import { planningDeps } from '../../use-cases/planning/use-planning-data';
import { DateField } from '../../ui/DateField';
import { TimeField } from '../../ui/TimeField';
import { TechnicianChoice } from './TechnicianChoice';
import { useActionStatus } from './useActionStatus';

/** Gives a request to one or more technicians on a day and slot. */
export function PlanRequestForm({
  requestId,
  technicians,
}: {
  requestId: string;
  technicians: readonly Technician[];
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [date, setDate] = useState(() => addLocalDays(localDateOf(Date.now()), 1));
  const [from, setFrom] = useState('09:00');
  const [to, setTo] = useState('12:30');
  const { message, run } = useActionStatus();

  const submit = () =>
    run(async () => {
      await planJob(planningDeps(), { requestId, technicianIds: chosen, date, slot: { from, to } });
      return 'Intervention planifiée.';
    }, 'La planification a échoué.');

  return (
    <fieldset aria-label="Planifier la demande">
      <legend>Planifier</legend>
      <TechnicianChoice technicians={technicians} chosen={chosen} onChange={setChosen} />
      <DateField label="Jour" value={date} onChange={setDate} />
      <TimeField label="De" value={from} onChange={setFrom} />
      <TimeField label="À" value={to} onChange={setTo} />
      <button type="button" onClick={() => void submit()}>
        Planifier
      </button>
      {message && <p role="status">{message}</p>}
    </fieldset>
  );
}
