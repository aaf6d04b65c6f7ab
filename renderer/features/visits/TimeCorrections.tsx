import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { formatDateTime } from '../../../shared/format/date';
import { TIMER_EVENT_LABELS } from '../../../shared/report/labels';
import { visitTimeline } from '../../../shared/time/segments';
import type { TimerActionEvent } from '../../../shared/time/events';
import { appDeps } from '../../use-cases/deps';
import { correctTimer, correctionInputSchema } from '../../use-cases/visits/correct-timer';
import { DateTimeField } from '../../ui/DateTimeField';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { FormError } from '../../ui/FormError';
import { userMessage } from '../../ui/user-message';
import { clock } from './clock';
import { notBeforeLastTap } from './useNow';
import type { VisitRecord } from '../../../shared/visit/visit-record';

/** The correction as typed: the use case's own rules, the time empty until it is typed. */
const correctionFormSchema = z.object({
  at: z.number().nullable().pipe(correctionInputSchema.shape.at),
  reason: correctionInputSchema.shape.reason,
});
type CorrectionForm = z.input<typeof correctionFormSchema>;

/** The form correcting one tap: its real time (Paris clock) and the reason, both required. */
function CorrectionForm({
  visitId,
  event,
  initialAt,
  onClose,
}: {
  visitId: string;
  event: TimerActionEvent;
  initialAt: number;
  onClose: () => void;
}) {
  const { control, register, handleSubmit, formState, setError } = useForm<
    CorrectionForm,
    unknown,
    z.output<typeof correctionFormSchema>
  >({
    resolver: zodResolver(correctionFormSchema),
    defaultValues: { at: initialAt, reason: '' },
  });
  const submit = handleSubmit(async ({ at, reason }) => {
    try {
      await correctTimer(appDeps(), { visitId, target: event.id, at, reason });
      onClose();
    } catch (e) {
      setError('root', { message: userMessage(e, 'Correction refusée.') });
    }
  });
  return (
    <form className="correction-form" noValidate onSubmit={(e) => void submit(e)}>
      <h3>Corriger « {TIMER_EVENT_LABELS[event.type]} »</h3>
      <Controller
        control={control}
        name="at"
        render={({ field, fieldState }) => (
          <DateTimeField
            label="Heure réelle"
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={fieldState.error?.message}
          />
        )}
      />
      <Field label="Raison de la correction" error={formState.errors.reason?.message}>
        {(p) => <input {...p} {...register('reason')} maxLength={500} />}
      </Field>
      <FormActions
        submitLabel="Enregistrer la correction"
        submitting={formState.isSubmitting}
        onCancel={onClose}
      />
      <FormError message={formState.errors.root?.message} />
    </form>
  );
}

/**
 * The recorded taps, and the correction of a forgotten one (before signature only): the
 * original time stays, the corrected time and the reason are shown on the report.
 */
export function TimeCorrections({ visit }: { visit: VisitRecord }) {
  const [editing, setEditing] = useState<TimerActionEvent | null>(null);
  const actions = visit.events.filter((e): e is TimerActionEvent => e.type !== 'correct');
  if (actions.length === 0) return null;
  let corrected = new Map<string, number>();
  let corrections: ReturnType<typeof visitTimeline>['corrections'] = [];
  try {
    const timeline = visitTimeline(visit.events, notBeforeLastTap(visit.events, clock.now()));
    corrections = timeline.corrections;
    corrected = new Map(corrections.map((c) => [c.eventId, c.corrected]));
  } catch {
    // Shown as recorded; the timer panel reports the problem.
  }
  const editable = visit.status !== 'signed';

  return (
    <section className="panel" aria-labelledby="times-title">
      <h2 id="times-title">Horaires relevés</h2>
      <table>
        <thead>
          <tr>
            <th>Événement</th>
            <th>Heure</th>
            <th>Correction</th>
            {editable && <th />}
          </tr>
        </thead>
        <tbody>
          {actions.map((event) => (
            <tr key={event.id}>
              <td>{TIMER_EVENT_LABELS[event.type]}</td>
              <td>{formatDateTime(event.at)}</td>
              <td>
                {corrected.has(event.id)
                  ? `${formatDateTime(corrected.get(event.id)!)} — ${corrections.filter((c) => c.eventId === event.id).at(-1)?.reason ?? ''}`
                  : '—'}
              </td>
              {editable && (
                <td>
                  <button type="button" onClick={() => setEditing(event)}>
                    Corriger
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <CorrectionForm
          key={editing.id}
          visitId={visit.id}
          event={editing}
          initialAt={corrected.get(editing.id) ?? editing.at}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}
