import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import {
  CONTACT_ROLE_LABELS,
  CONTACT_ROLES,
  contactFieldsSchema,
} from '../../../shared/inventory/contact';
import { addContact } from '../../use-cases/clients/client-records';
import { appDeps } from '../../use-cases/deps';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';

const contactFormSchema = contactFieldsSchema.omit({ clientId: true, siteId: true });

export function ContactForm({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const { register, handleSubmit, formState } = useForm({
    resolver: zodResolver(contactFormSchema),
    defaultValues: {
      role: 'it-correspondent' as const,
      name: '',
      jobTitle: '',
      phone: '',
      email: '',
    },
  });
  const errors = formState.errors;
  const submit = handleSubmit(async (values) => {
    await addContact(appDeps(), { ...values, clientId });
    onDone();
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Nouveau contact">
      <div className="form-grid">
        <Field label="Rôle" error={errors.role?.message}>
          {(p) => (
            <select {...p} {...register('role')}>
              {CONTACT_ROLES.map((r) => (
                <option key={r} value={r}>
                  {CONTACT_ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Nom du contact" error={errors.name?.message}>
          {(p) => <input {...p} {...register('name')} />}
        </Field>
        <Field label="Fonction" error={errors.jobTitle?.message}>
          {(p) => <input {...p} {...register('jobTitle')} />}
        </Field>
        <Field label="Téléphone du contact" error={errors.phone?.message}>
          {(p) => <input {...p} {...register('phone')} type="tel" />}
        </Field>
        <Field label="E-mail du contact" error={errors.email?.message}>
          {(p) => <input {...p} {...register('email')} type="email" />}
        </Field>
      </div>
      <FormActions
        submitLabel="Enregistrer le contact"
        submitting={formState.isSubmitting}
        onCancel={onDone}
      />
    </form>
  );
}
