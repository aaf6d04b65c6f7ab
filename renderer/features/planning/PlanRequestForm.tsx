import { useState } from 'react';
import { addLocalDays, localDateOf } from '../../../shared/calendar/local-date';
import { userMessage } from '../../ui/user-message';
import { planJob } from '../../use-cases/planning/plan-job';
import type { Technician } from '../../use-cases/planning/use-planning-data';
import { planningDeps } from '../../use-cases/planning/use-planning-data';
import { DateField } from '../../ui/DateField';
import { TimeField } from '../../ui/TimeField';

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
  const [message, setMessage] = useState<string | null>(null);

  const submit = async () => {
    setMessage(null);
    try {
      await planJob(planningDeps(), {
        requestId,
        technicianIds: chosen,
        date,
        slot: { from, to },
      });
      setMessage('Intervention planifiée.');
    } catch (e) {
      setMessage(userMessage(e, 'La planification a échoué.'));
    }
  };

  return (
    <fieldset aria-label="Planifier la demande">
      <legend>Planifier</legend>
      {technicians.map((t) => (
        <label key={t.id}>
          <input
            type="checkbox"
            checked={chosen.includes(t.id)}
            onChange={(e) =>
              setChosen((c) => (e.target.checked ? [...c, t.id] : c.filter((id) => id !== t.id)))
            }
          />
          {t.name}
        </label>
      ))}
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
