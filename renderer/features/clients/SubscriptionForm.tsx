import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { localDateSchema } from '../../../shared/calendar/local-date';
import {
  SUBSCRIPTION_KIND_LABELS,
  SUBSCRIPTION_KINDS,
  subscriptionFieldsSchema,
} from '../../../shared/inventory/subscription';
import { addSubscription } from '../../use-cases/clients/client-records';
import { appDeps } from '../../use-cases/deps';
import { FormDateField } from '../../ui/DateField';
import { CheckboxField, Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';

const subscriptionFormSchema = subscriptionFieldsSchema.omit({ clientId: true }).extend({
  // An empty date picker would otherwise read "Date attendue au format AAAA-MM-JJ".
  renewalDate: z
    .string()
    .min(1, 'Date de renouvellement obligatoire : le préavis se calcule à partir d’elle.')
    .pipe(localDateSchema),
});

/** A licence or subscription; its key is never typed here, only where it is kept. */
export function SubscriptionForm({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const { register, handleSubmit, formState, control } = useForm({
    resolver: zodResolver(subscriptionFormSchema),
    defaultValues: {
      kind: 'microsoft-365' as const,
      name: '',
      provider: '',
      contractNumber: '',
      quantity: 1,
      renewalDate: '',
      tacitRenewal: true,
      noticeMonths: 3,
      secretRef: '',
      notes: '',
    },
  });
  const errors = formState.errors;
  const submit = handleSubmit(async (values) => {
    await addSubscription(appDeps(), { ...values, clientId });
    onDone();
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Nouvel abonnement">
      <div className="form-grid">
        <Field label="Type d’abonnement" error={errors.kind?.message}>
          {(p) => (
            <select {...p} {...register('kind')}>
              {SUBSCRIPTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {SUBSCRIPTION_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Nom de l’abonnement" error={errors.name?.message}>
          {(p) => <input {...p} {...register('name')} />}
        </Field>
        <Field label="Fournisseur" error={errors.provider?.message}>
          {(p) => <input {...p} {...register('provider')} />}
        </Field>
        <Field label="N° de contrat" error={errors.contractNumber?.message}>
          {(p) => <input {...p} {...register('contractNumber')} />}
        </Field>
        <Field label="Quantité" error={errors.quantity?.message}>
          {(p) => (
            <input
              {...p}
              {...register('quantity', { valueAsNumber: true })}
              type="number"
              min={1}
              step={1}
            />
          )}
        </Field>
        <FormDateField control={control} name="renewalDate" label="Date de renouvellement" />
        <Field label="Préavis (mois)" error={errors.noticeMonths?.message}>
          {(p) => (
            <input
              {...p}
              {...register('noticeMonths', { valueAsNumber: true })}
              type="number"
              min={0}
              max={24}
              step={1}
            />
          )}
        </Field>
        <Field
          label="Référence de la clé de licence (coffre-fort)"
          error={errors.secretRef?.message}
          hint="Jamais la clé elle-même."
        >
          {(p) => <input {...p} {...register('secretRef')} autoComplete="off" />}
        </Field>
      </div>
      <CheckboxField label="Reconduction tacite">
        {(p) => <input {...p} type="checkbox" {...register('tacitRenewal')} />}
      </CheckboxField>
      <FormActions
        submitLabel="Enregistrer l’abonnement"
        submitting={formState.isSubmitting}
        onCancel={onDone}
      />
    </form>
  );
}
