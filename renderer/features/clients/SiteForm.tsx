import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { WEEKDAYS } from '../../../shared/calendar/weekly-schedule';
import type { WeeklySchedule } from '../../../shared/calendar/weekly-schedule';
import { DEFAULT_OPENING_HOURS } from '../../../shared/calendar/weekly-schedule';
import { formatDayRanges, parseDayRanges } from '../../../shared/inventory/opening-hours-text';
import { siteFieldsSchema } from '../../../shared/inventory/site';
import { addSite } from '../../use-cases/clients/client-records';
import { appDeps } from '../../use-cases/deps';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';

export const WEEKDAY_LABELS: Record<(typeof WEEKDAYS)[number], string> = {
  monday: 'Lundi',
  tuesday: 'Mardi',
  wednesday: 'Mercredi',
  thursday: 'Jeudi',
  friday: 'Vendredi',
  saturday: 'Samedi',
  sunday: 'Dimanche',
};

const hoursText = z.string().superRefine((text, ctx) => {
  const parsed = parseDayRanges(text);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
});

/** The form keeps each day's hours as text ("09:00-12:30, 14:00-18:00"); saved as ranges. */
const siteFormSchema = siteFieldsSchema.omit({ openingHours: true, clientId: true }).extend({
  hours: z.object(
    Object.fromEntries(WEEKDAYS.map((d) => [d, hoursText])) as Record<
      (typeof WEEKDAYS)[number],
      typeof hoursText
    >,
  ),
});

function toSchedule(hours: Record<(typeof WEEKDAYS)[number], string>): WeeklySchedule {
  const entries = WEEKDAYS.map((d) => {
    const parsed = parseDayRanges(hours[d]);
    return [d, parsed.ok ? parsed.ranges : []];
  });
  return Object.fromEntries(entries) as WeeklySchedule;
}

export function SiteForm({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const { register, handleSubmit, formState } = useForm({
    resolver: zodResolver(siteFormSchema),
    defaultValues: {
      name: '',
      address: '',
      postcode: '',
      city: '',
      accessNotes: '',
      phone: '',
      hours: Object.fromEntries(
        WEEKDAYS.map((d) => [d, formatDayRanges(DEFAULT_OPENING_HOURS[d])]),
      ) as Record<(typeof WEEKDAYS)[number], string>,
    },
  });
  const errors = formState.errors;
  const submit = handleSubmit(async ({ hours, ...values }) => {
    await addSite(appDeps(), { ...values, clientId, openingHours: toSchedule(hours) });
    onDone();
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Nouveau site">
      <div className="form-grid">
        <Field label="Nom du site" error={errors.name?.message}>
          {(p) => <input {...p} {...register('name')} />}
        </Field>
        <Field label="Adresse" error={errors.address?.message}>
          {(p) => <input {...p} {...register('address')} />}
        </Field>
        <Field label="Code postal" error={errors.postcode?.message}>
          {(p) => <input {...p} {...register('postcode')} inputMode="numeric" maxLength={5} />}
        </Field>
        <Field label="Ville du site" error={errors.city?.message}>
          {(p) => <input {...p} {...register('city')} />}
        </Field>
        <Field label="Téléphone du site" error={errors.phone?.message}>
          {(p) => <input {...p} {...register('phone')} type="tel" />}
        </Field>
      </div>
      <fieldset className="hours">
        <legend>Heures d’ouverture (ex. 09:00-12:30, 14:00-18:00 ; vide = fermé)</legend>
        <div className="form-grid">
          {WEEKDAYS.map((d) => (
            <Field key={d} label={WEEKDAY_LABELS[d]} error={errors.hours?.[d]?.message}>
              {(p) => <input {...p} {...register(`hours.${d}`)} />}
            </Field>
          ))}
        </div>
      </fieldset>
      <Field label="Accès, consignes" error={errors.accessNotes?.message}>
        {(p) => <textarea {...p} {...register('accessNotes')} rows={2} />}
      </Field>
      <FormActions
        submitLabel="Enregistrer le site"
        submitting={formState.isSubmitting}
        onCancel={onDone}
      />
    </form>
  );
}
