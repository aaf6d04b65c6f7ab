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
import { FormActions } from '../../ui/FormActions';
import { FormError } from '../../ui/FormError';
import {
  CheckField,
  labelledOptions,
  NumberField,
  SelectField,
  TextField,
} from '../../ui/RegisteredFields';
import { submitOrShowError } from '../../ui/submit-or-show-error';

const subscriptionFormSchema = subscriptionFieldsSchema.omit({ clientId: true }).extend({
  // An empty date picker would otherwise read "Date attendue au format AAAA-MM-JJ".
  renewalDate: z
    .string()
    .min(1, 'Date de renouvellement obligatoire : le préavis se calcule à partir d’elle.')
    .pipe(localDateSchema),
});

const KIND_OPTIONS = labelledOptions(SUBSCRIPTION_KINDS, SUBSCRIPTION_KIND_LABELS);

/** A licence or subscription; its key is never typed here, only where it is kept. */
export function SubscriptionForm({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const form = useForm({
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
  const submit = submitOrShowError(form, async (values) => {
    await addSubscription(appDeps(), { ...values, clientId });
    onDone();
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Nouvel abonnement">
      <FormError message={form.formState.errors.root?.message} />
      <div className="form-grid">
        <SelectField form={form} name="kind" label="Type d’abonnement" options={KIND_OPTIONS} />
        <TextField form={form} name="name" label="Nom de l’abonnement" />
        <TextField form={form} name="provider" label="Fournisseur" />
        <TextField form={form} name="contractNumber" label="N° de contrat" />
        <NumberField form={form} name="quantity" label="Quantité" min={1} step={1} />
        <FormDateField control={form.control} name="renewalDate" label="Date de renouvellement" />
        <NumberField
          form={form}
          name="noticeMonths"
          label="Préavis (mois)"
          min={0}
          max={24}
          step={1}
        />
        <TextField
          form={form}
          name="secretRef"
          label="Référence de la clé de licence (coffre-fort)"
          hint="Jamais la clé elle-même."
          autoComplete="off"
        />
      </div>
      <CheckField form={form} name="tacitRenewal" label="Reconduction tacite" />
      <FormActions
        submitLabel="Enregistrer l’abonnement"
        submitting={form.formState.isSubmitting}
        onCancel={onDone}
      />
    </form>
  );
}
