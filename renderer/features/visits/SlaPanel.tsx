import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { formatDateTime } from '../../../shared/format/date';
import { formatDuration } from '../../../shared/format/duration';
import { visitTimeline } from '../../../shared/time/segments';
import { visitHeaderSchema } from '../../../shared/visit/visit-record';
import type { VisitRecord } from '../../../shared/visit/visit-record';
import { appDeps } from '../../use-cases/deps';
import { saveHeader } from '../../use-cases/visits/save-work';
import { DateTimeField } from '../../ui/DateTimeField';
import { FormError } from '../../ui/FormError';
import { userMessage } from '../../ui/user-message';
import type { VisitContext } from './useVisitContext';
import { visitSla } from '../../../shared/visit/visit-sla';

/** The call's time as the visit stores it (empty: not known). */
const requestFormSchema = visitHeaderSchema.pick({ requestedAt: true });
type RequestForm = z.input<typeof requestFormSchema>;

/** When the client called, saved as soon as a complete date and time is typed or cleared. */
function RequestedAtForm({ visit }: { visit: VisitRecord }) {
  const { control, handleSubmit, formState, setError } = useForm<
    RequestForm,
    unknown,
    z.output<typeof requestFormSchema>
  >({
    resolver: zodResolver(requestFormSchema),
    defaultValues: { requestedAt: visit.header.requestedAt },
  });
  const save = handleSubmit(async ({ requestedAt }) => {
    try {
      await saveHeader(appDeps(), { visitId: visit.id, header: { ...visit.header, requestedAt } });
    } catch (e) {
      setError('root', { message: userMessage(e, 'Enregistrement impossible.') });
    }
  });
  return (
    <form noValidate onSubmit={(e) => void save(e)} aria-label="Appel du client">
      <Controller
        control={control}
        name="requestedAt"
        render={({ field, fieldState }) => (
          <DateTimeField
            label="Appel du client (date et heure)"
            value={field.value ?? null}
            onChange={(at) => {
              field.onChange(at);
              void save();
            }}
            onBlur={field.onBlur}
            error={fieldState.error?.message}
          />
        )}
      />
      <FormError message={formState.errors.root?.message} />
    </form>
  );
}

/**
 * The SLA clock (004 art. VI): when the client called, the on-site deadline in the site's
 * working hours (4 h for servers and network, 8 h for workstations), met or missed once the
 * technician arrived. The request time is recorded on the visit and printed on the report.
 */
export function SlaPanel({ context }: { context: VisitContext }) {
  const { visit, contract, site, equipment } = context;
  if (!contract || visit.header.mode !== 'onsite') return null;
  let arrival: number | null;
  try {
    arrival = visitTimeline(visit.events).arrival;
  } catch {
    // An impossible timer log: the timer panel says so; no arrival to compare.
    arrival = null;
  }
  const sla = visitSla(visit, contract, site ?? null, equipment, arrival);
  return (
    <section className="panel" aria-labelledby="sla-title">
      <h2 id="sla-title">Délai d’intervention</h2>
      {visit.status !== 'signed' && <RequestedAtForm visit={visit} />}
      {sla && (
        <p data-testid="sla" role="status">
          {sla.slaClass === 'server-network' ? 'Serveurs et réseau' : 'Postes et périphériques'} :{' '}
          {formatDuration(sla.workingMinutes)} ouvrées, échéance {formatDateTime(sla.deadline)}
          {sla.met === null ? '' : sla.met ? ' — respecté' : ' — dépassé'}.
        </p>
      )}
    </section>
  );
}
