import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { siteAddressSchema } from '../../../shared/inventory/site-address';
import type { SiteAddress } from '../../../shared/inventory/site-address';
import { appDeps } from '../../use-cases/deps';
import { createSiteFromImport } from '../../use-cases/inventory/create-site-from-import';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { FormError } from '../../ui/FormError';
import { userMessage } from '../../ui/user-message';

const EMPTY_ADDRESS: SiteAddress = { address: '', postcode: '', city: '' };

/**
 * A site the file names but the client lacks ("Agence Lyon" in GLPI's "Lieu"), created from
 * the preview: its address is all that is missing. The preview is then computed again, and
 * the rows land on the new site.
 */
export function NewSiteFromImport({
  clientId,
  name,
  rows,
  onCreated,
}: {
  clientId: string;
  name: string;
  rows: number;
  onCreated: () => void;
}) {
  const [open, setOpen] = useState(false);
  const label = `« ${name} » (${rows} ligne${rows > 1 ? 's' : ''})`;

  if (!open) {
    return (
      <li>
        {label} : importé sans site, le nom gardé dans le lieu.{' '}
        <button type="button" onClick={() => setOpen(true)}>
          Créer le site « {name} »
        </button>
      </li>
    );
  }
  return (
    <li>
      <NewSiteForm
        clientId={clientId}
        name={name}
        legend={`Nouveau site ${label}`}
        onCreated={onCreated}
        onCancel={() => setOpen(false)}
      />
    </li>
  );
}

function NewSiteForm({
  clientId,
  name,
  legend,
  onCreated,
  onCancel,
}: {
  clientId: string;
  name: string;
  legend: string;
  onCreated: () => void;
  onCancel: () => void;
}) {
  const { register, handleSubmit, formState, setError } = useForm<SiteAddress>({
    resolver: zodResolver(siteAddressSchema),
    defaultValues: EMPTY_ADDRESS,
  });
  const errors = formState.errors;
  const submit = handleSubmit(async (address) => {
    try {
      await createSiteFromImport(appDeps(), { clientId, name, address });
      onCreated();
    } catch (error) {
      setError('root', { message: userMessage(error, 'Le site n’a pas pu être créé.') });
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={legend}>
      <fieldset>
        <legend>{legend}</legend>
        <Field label={`Adresse du site ${name}`} error={errors.address?.message}>
          {(p) => <input {...p} {...register('address')} />}
        </Field>
        <Field label={`Code postal du site ${name}`} error={errors.postcode?.message}>
          {(p) => <input {...p} {...register('postcode')} inputMode="numeric" />}
        </Field>
        <Field label={`Ville du site ${name}`} error={errors.city?.message}>
          {(p) => <input {...p} {...register('city')} />}
        </Field>
        <FormError message={errors.root?.message} />
        <FormActions
          submitLabel="Créer le site et recalculer l’aperçu"
          submitting={formState.isSubmitting}
          onCancel={onCancel}
        />
      </fieldset>
    </form>
  );
}
