import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useClients } from '../../use-cases/clients/client-list';
import { appDeps } from '../../use-cases/deps';
import { appOfficeServerDeps } from '../../use-cases/office/office-server';
import {
  activityReportFormSchema,
  emailActivityReport,
  saveActivityReport,
} from '../../use-cases/office/send-activity-report';
import type { ActivityReportForm } from '../../use-cases/office/send-activity-report';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { userMessage } from '../../ui/user-message';
import { FormMonthField } from '../../ui/MonthField';

/**
 * The activity report of a client for a month (002 art. III-1 §6): saved as a PDF from the
 * signed bordereaux synced to this computer, or e-mailed by the office server to the
 * contacts the client's contract names for its copies.
 */
export function ActivityReportPanel() {
  const clients = useClients();
  const { register, control, handleSubmit, formState } = useForm<ActivityReportForm>({
    resolver: zodResolver(activityReportFormSchema),
    defaultValues: { clientId: '', month: '' },
  });
  const errors = formState.errors;
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const act = (work: (input: ActivityReportForm) => Promise<string>, fallback: string) =>
    handleSubmit(async (input) => {
      setError(null);
      setMessage(null);
      try {
        setMessage(await work(input));
      } catch (e) {
        setError(userMessage(e, fallback));
      }
    });
  const save = act((input) => saveActivityReport(appDeps(), input), 'Rapport impossible.');
  const email = act(async (input) => {
    const sent = await emailActivityReport(appOfficeServerDeps(), input);
    return `Envoi demandé au serveur du bureau, pour ${sent.recipients.join(', ')}.`;
  }, 'Envoi impossible.');

  return (
    <section className="panel" aria-labelledby="activity-title">
      <h2 id="activity-title">Rapport d’activité</h2>
      <form
        className="row"
        noValidate
        onSubmit={(e) => void save(e)}
        aria-label="Rapport d’activité"
      >
        <Field label="Client" error={errors.clientId?.message}>
          {(p) => (
            <select {...p} {...register('clientId')}>
              <option value="">—</option>
              {clients?.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormMonthField control={control} name="month" label="Mois" />
        <button type="submit" disabled={formState.isSubmitting}>
          Rapport d’activité (PDF)
        </button>
        <button type="button" disabled={formState.isSubmitting} onClick={() => void email()}>
          Envoyer par e-mail au client
        </button>
      </form>
      {message && <p role="status">{message}</p>}
      <FormError message={error} />
    </section>
  );
}
