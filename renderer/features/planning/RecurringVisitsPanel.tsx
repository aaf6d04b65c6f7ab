import { useState } from 'react';
import { instantOf } from '../../../shared/calendar/local-date';
import { formatLocalDate } from '../../../shared/format/date';
import type { PlannedJob } from '../../../shared/planning/job';
import { checkNeedsLog } from '../../../shared/planning/needs-log-deadline';
import { generateRecurringVisits } from '../../use-cases/planning/generate-recurring-visits';
import { saveNeedsLog } from '../../use-cases/planning/needs-log';
import { planningDeps } from '../../use-cases/planning/use-planning-data';
import { DateField } from '../../ui/DateField';
import type { PlanningPanelProps } from './planning-panel';
import { TechnicianChoice } from './TechnicianChoice';
import { useActionStatus } from './useActionStatus';

/** A planned visit's needs log: its items and the IT correspondent's validation. */
function NeedsLogForm({ job, now }: { job: PlannedJob; now: number }) {
  const [items, setItems] = useState((job.needsLog?.items ?? []).join('\n'));
  const [validatedBy, setValidatedBy] = useState(job.needsLog?.validatedBy ?? '');
  const [validatedOn, setValidatedOn] = useState('');
  const { message, run } = useActionStatus();
  const check = checkNeedsLog(job.needsLog, job.date, now);
  const save = () =>
    run(async () => {
      await saveNeedsLog(planningDeps(), job.id, {
        items: items.split('\n'),
        validatedBy,
        validatedAt: validatedOn === '' ? null : instantOf(validatedOn, 12 * 60),
      });
      return 'Journal des besoins enregistré.';
    }, 'Le journal des besoins n’a pas pu être enregistré.');
  return (
    <fieldset aria-label={`Journal des besoins du ${formatLocalDate(job.date)}`}>
      <legend>
        Visite du {formatLocalDate(job.date)} {job.slot.from}–{job.slot.to}
      </legend>
      <p>{check.message}</p>
      <label className="field">
        Besoins (un par ligne)
        <textarea value={items} onChange={(e) => setItems(e.target.value)} />
      </label>
      <label className="field">
        Validé par (correspondant informatique)
        <input value={validatedBy} onChange={(e) => setValidatedBy(e.target.value)} />
      </label>
      <DateField label="Validé le" value={validatedOn} onChange={setValidatedOn} />
      <button type="button" onClick={() => void save()}>
        Enregistrer le journal
      </button>
      {message && <p role="status">{message}</p>}
    </fieldset>
  );
}

/**
 * The infogérance visits a contract includes (004 art. VI), planned over its period for a
 * site and technicians, each with its needs log to have validated.
 */
export function RecurringVisitsPanel({ data, technicians, now }: PlanningPanelProps) {
  const contracts = data.contracts.filter((c) => (c.subscriptionVisitsPerYear ?? 0) > 0);
  const [contractId, setContractId] = useState('');
  const [siteId, setSiteId] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const { message, run } = useActionStatus();
  const contract = contracts.find((c) => c.id === contractId);
  const sites = data.sites.filter((s) => s.clientId === contract?.clientId);
  const visitRequests = new Set(
    data.requests.filter((r) => r.kind === 'planned-visit').map((r) => r.id),
  );
  const visits = data.jobs
    .filter((j) => visitRequests.has(j.requestId) && j.clientId === contract?.clientId)
    .sort((a, b) => (a.date < b.date ? -1 : 1));

  const generate = () =>
    run(async () => {
      const r = await generateRecurringVisits(planningDeps(), {
        contractId,
        siteId,
        technicianIds: chosen,
      });
      return `${r.created} visite(s) planifiée(s), ${r.alreadyPlanned} déjà planifiée(s), ${r.past} passée(s).`;
    }, 'Les visites n’ont pas pu être planifiées.');

  return (
    <section aria-label="Visites planifiées des contrats">
      <h2>Visites d’infogérance</h2>
      <label className="field">
        Contrat
        <select value={contractId} onChange={(e) => setContractId(e.target.value)}>
          <option value="">—</option>
          {contracts.map((c) => (
            <option key={c.id} value={c.id}>
              {data.clients.find((cl) => cl.id === c.clientId)?.name ?? 'Client'} — {c.reference} (
              {c.subscriptionVisitsPerYear} visites par an)
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Site
        <select value={siteId} onChange={(e) => setSiteId(e.target.value)}>
          <option value="">—</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <TechnicianChoice technicians={technicians} chosen={chosen} onChange={setChosen} />
      <button type="button" disabled={!contract} onClick={() => void generate()}>
        Planifier les visites du contrat
      </button>
      {message && <p role="status">{message}</p>}
      {visits.map((job) => (
        <NeedsLogForm key={job.id} job={job} now={now} />
      ))}
    </section>
  );
}
