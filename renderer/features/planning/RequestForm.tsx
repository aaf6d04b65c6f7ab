import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { instantOf, localDateOf } from '../../../shared/calendar/local-date';
import { clockMinutes } from '../../../shared/calendar/weekly-schedule';
import { formatDateTime, formatTime } from '../../../shared/format/date';
import {
  REQUEST_CHANNELS,
  REQUEST_KINDS,
  SLA_CLASSES,
  requestFieldsSchema,
} from '../../../shared/planning/request';
import {
  REQUEST_CHANNEL_LABELS,
  REQUEST_KIND_LABELS,
  SLA_CLASS_LABELS,
} from '../../../shared/planning/request-labels';
import { DEADLINE_BASIS_LABELS, requestDeadline } from '../../../shared/planning/request-deadline';
import { FormDateField } from '../../ui/DateField';
import { LabelSelect } from '../../ui/LabelSelect';
import { FormTimeField } from '../../ui/TimeField';
import { deadlineContext } from '../../use-cases/planning/deadline-context';
import { recordRequest } from '../../use-cases/planning/record-request';
import type { PlanningData } from '../../use-cases/planning/use-planning-data';
import { planningDeps, useClientEquipmentList } from '../../use-cases/planning/use-planning-data';
import { ClientOptions, SiteOptions } from '../visits';
import { useActionStatus } from './useActionStatus';

/** The call's day and time as typed; the stored request keeps an instant (requestFieldsSchema). */
const formSchema = z.object({
  clientId: z.string().min(1, 'Choisissez le client.'),
  siteId: z.string().min(1, 'Choisissez le site.'),
  equipmentIds: z.array(z.string()),
  description: z.string().trim().min(1, 'Décrivez la demande.'),
  channel: z.enum(REQUEST_CHANNELS),
  day: z.iso.date('Date de l’appel invalide.'),
  time: z.string().regex(/^\d{2}:\d{2}$/, 'Heure de l’appel invalide.'),
  kind: z.enum(REQUEST_KINDS),
  urgency: z.enum(['normal', 'urgent']),
  urgentMode: z.enum(['remote', 'onsite']),
  slaClass: z.enum(SLA_CLASSES),
});
type FormValues = z.infer<typeof formSchema>;

const calledAtOf = (v: Pick<FormValues, 'day' | 'time'>) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v.day) && /^\d{2}:\d{2}$/.test(v.time)
    ? instantOf(v.day, clockMinutes(v.time))
    : null;

/** Records a client's call: the deadline shows live as the office fills the form. */
export function RequestForm({ data }: { data: PlanningData }) {
  const [now] = useState(() => Date.now());
  const { register, handleSubmit, control, reset, formState } = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      clientId: '',
      siteId: '',
      equipmentIds: [],
      description: '',
      channel: 'phone',
      day: localDateOf(now),
      time: formatTime(now),
      kind: 'incident',
      urgency: 'normal',
      urgentMode: 'onsite',
      slaClass: 'server-network',
    },
  });
  const { message, run } = useActionStatus();
  const values = useWatch({ control }) as FormValues;
  const equipment = useClientEquipmentList(values.clientId);
  const sites = data.sites.filter((s) => s.clientId === values.clientId);
  const calledAt = calledAtOf(values);
  const deadline =
    calledAt === null
      ? null
      : requestDeadline(
          { ...values, calledAt },
          deadlineContext(
            sites.find((s) => s.id === values.siteId),
            data.contracts.filter((c) => c.clientId === values.clientId),
            calledAt,
          ),
        );

  const onSubmit = handleSubmit((v) =>
    run(async () => {
      const fields = requestFieldsSchema.parse({ ...v, calledAt: calledAtOf(v) });
      await recordRequest(planningDeps(), fields);
      reset({ ...v, description: '', equipmentIds: [] });
      return 'Demande enregistrée.';
    }, 'La demande n’a pas pu être enregistrée.'),
  );
  const err = formState.errors;

  return (
    <form onSubmit={(e) => void onSubmit(e)} aria-label="Nouvel appel" className="card">
      <h2>Nouvel appel</h2>
      <label className="field">
        Client
        <select {...register('clientId')} aria-invalid={Boolean(err.clientId)}>
          <option value="">—</option>
          <ClientOptions clients={data.clients} />
        </select>
      </label>
      {err.clientId && <p role="alert">{err.clientId.message}</p>}
      <label className="field">
        Site
        <select {...register('siteId')} aria-invalid={Boolean(err.siteId)}>
          <option value="">—</option>
          <SiteOptions sites={sites} />
        </select>
      </label>
      {err.siteId && <p role="alert">{err.siteId.message}</p>}
      {equipment.length > 0 && (
        <label className="field">
          Équipements
          <select multiple {...register('equipmentIds')}>
            {equipment.map((e) => (
              <option key={e.id} value={e.id}>
                {[e.model, e.hostname, e.serialNumber].filter(Boolean).join(' — ')}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        Description
        <textarea {...register('description')} aria-invalid={Boolean(err.description)} />
      </label>
      {err.description && <p role="alert">{err.description.message}</p>}
      <LabelSelect
        label="Canal"
        values={REQUEST_CHANNELS}
        labels={REQUEST_CHANNEL_LABELS}
        registration={register('channel')}
      />
      <FormDateField control={control} name="day" label="Jour de l’appel" />
      <FormTimeField control={control} name="time" label="Heure de l’appel" />
      <LabelSelect
        label="Type"
        values={REQUEST_KINDS}
        labels={REQUEST_KIND_LABELS}
        registration={register('kind')}
      />
      <LabelSelect
        label="Classe de délai"
        values={SLA_CLASSES}
        labels={SLA_CLASS_LABELS}
        registration={register('slaClass')}
      />
      <label className="field">
        Urgence
        <select {...register('urgency')}>
          <option value="normal">Normale</option>
          <option value="urgent">Urgente (002 art. IV.2.1)</option>
        </select>
      </label>
      {values.urgency === 'urgent' && (
        <label className="field">
          Intervention urgente
          <select {...register('urgentMode')}>
            <option value="onsite">Sur site (2 jours ouvrés)</option>
            <option value="remote">À distance (1 jour ouvré)</option>
          </select>
        </label>
      )}
      <p aria-live="polite" data-testid="request-deadline">
        {deadline
          ? `Échéance : ${formatDateTime(deadline.dueAt)} — ${DEADLINE_BASIS_LABELS[deadline.basis]}`
          : 'Pas d’échéance contractuelle pour cette demande.'}
      </p>
      <button type="submit" disabled={formState.isSubmitting}>
        Enregistrer la demande
      </button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
