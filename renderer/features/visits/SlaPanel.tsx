import { useState } from 'react';
import { instantOf, localDateOf } from '../../../shared/calendar/local-date';
import { formatDateTime, formatTime } from '../../../shared/format/date';
import { formatDuration } from '../../../shared/format/duration';
import { visitTimeline } from '../../../shared/time/segments';
import { appDeps } from '../../use-cases/deps';
import { saveHeader } from '../../use-cases/visits/save-work';
import { userMessage } from '../../ui/user-message';
import type { VisitContext } from './useVisitContext';
import { visitSla } from '../../../shared/visit/visit-sla';

function toInput(ms: number): string {
  return `${localDateOf(ms)}T${formatTime(ms)}`;
}

function fromInput(value: string): number | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  return instantOf(match[1]!, Number(match[2]) * 60 + Number(match[3]));
}

/**
 * The SLA clock (004 art. VI): when the client called, the on-site deadline in the site's
 * working hours (4 h for servers and network, 8 h for workstations), met or missed once the
 * technician arrived. The request time is recorded on the visit and printed on the report.
 */
export function SlaPanel({ context }: { context: VisitContext }) {
  const { visit, contract, site, equipment } = context;
  const [value, setValue] = useState(
    visit.header.requestedAt === null ? '' : toInput(visit.header.requestedAt),
  );
  const [error, setError] = useState<string | null>(null);
  if (!contract || visit.header.mode !== 'onsite') return null;
  let arrival: number | null;
  try {
    arrival = visitTimeline(visit.events).arrival;
  } catch {
    // An impossible timer log: the timer panel says so; no arrival to compare.
    arrival = null;
  }
  const sla = visitSla(visit, contract, site ?? null, equipment, arrival);
  const save = async () => {
    const at = value === '' ? null : fromInput(value);
    if (value !== '' && at === null) {
      setError('Date et heure de l’appel attendues.');
      return;
    }
    try {
      await saveHeader(appDeps(), {
        visitId: visit.id,
        header: { ...visit.header, requestedAt: at },
      });
      setError(null);
    } catch (e) {
      setError(userMessage(e, 'Enregistrement impossible.'));
    }
  };
  return (
    <section className="panel" aria-labelledby="sla-title">
      <h2 id="sla-title">Délai d’intervention</h2>
      {visit.status !== 'signed' && (
        <label className="field">
          Appel du client (date et heure)
          <input
            type="datetime-local"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            onBlur={() => void save()}
          />
        </label>
      )}
      {sla && (
        <p data-testid="sla" role="status">
          {sla.slaClass === 'server-network' ? 'Serveurs et réseau' : 'Postes et périphériques'} :{' '}
          {formatDuration(sla.workingMinutes)} ouvrées, échéance {formatDateTime(sla.deadline)}
          {sla.met === null ? '' : sla.met ? ' — respecté' : ' — dépassé'}.
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
