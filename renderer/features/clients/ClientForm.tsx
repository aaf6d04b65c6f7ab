import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { clientFieldsSchema } from '../../../shared/inventory/client';
import type { Client } from '../../../shared/inventory/client';
import { appDeps } from '../../use-cases/deps';
import { saveClient } from '../../use-cases/clients/client-records';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';

/** Creates a client (then opens its page) or edits one. */
export function ClientForm({ client, onDone }: { client?: Client; onDone: () => void }) {
  const navigate = useNavigate();
  const form = useForm({
    resolver: zodResolver(clientFieldsSchema),
    defaultValues: client ?? {
      name: '',
      city: '',
      siret: '',
      phone: '',
      email: '',
      notes: '',
      archived: false,
      billingStreet: '',
      billingPostcode: '',
      billingCity: '',
    },
  });
  const { register, handleSubmit, formState } = form;
  const errors = formState.errors;
  const submit = handleSubmit(async (values) => {
    const saved = await saveClient(appDeps(), { id: client?.id, fields: values });
    onDone();
    if (!client) void navigate(`/clients/${saved.id}`);
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <div className="form-grid">
        <Field label="Nom du client" error={errors.name?.message}>
          {(p) => <input {...p} {...register('name')} autoFocus />}
        </Field>
        <Field label="Ville" error={errors.city?.message}>
          {(p) => <input {...p} {...register('city')} />}
        </Field>
        <Field label="SIRET" error={errors.siret?.message}>
          {(p) => <input {...p} {...register('siret')} inputMode="numeric" />}
        </Field>
        <Field label="Téléphone" error={errors.phone?.message}>
          {(p) => <input {...p} {...register('phone')} type="tel" />}
        </Field>
        <Field label="E-mail" error={errors.email?.message}>
          {(p) => <input {...p} {...register('email')} type="email" />}
        </Field>
        <Field label="Adresse de facturation (siège)" error={errors.billingStreet?.message}>
          {(p) => <input {...p} {...register('billingStreet')} autoComplete="street-address" />}
        </Field>
        <Field label="Code postal de facturation" error={errors.billingPostcode?.message}>
          {(p) => <input {...p} {...register('billingPostcode')} inputMode="numeric" />}
        </Field>
        <Field label="Commune de facturation" error={errors.billingCity?.message}>
          {(p) => <input {...p} {...register('billingCity')} />}
        </Field>
      </div>
      <FormActions
        submitLabel="Enregistrer le client"
        submitting={formState.isSubmitting}
        onCancel={onDone}
      />
    </form>
  );
}
