import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { EQUIPMENT_STATUSES, STATUS_LABELS } from '../../../shared/inventory/equipment';
import type { EquipmentDraft } from '../../../shared/inventory/equipment';
import {
  emptyFormValues,
  equipmentFormSchema,
  toFormValues,
} from '../../../shared/inventory/equipment-form';
import type { EquipmentFormValues } from '../../../shared/inventory/equipment-form';
import type { Site } from '../../../shared/inventory/site';
import { appDeps } from '../../use-cases/deps';
import { useEquipmentFormData } from '../../use-cases/inventory/equipment-form-data';
import type { StoredEquipment } from '../../use-cases/inventory/equipment-form-data';
import { retireEquipment } from '../../use-cases/inventory/retire-equipment';
import {
  DuplicateAssetTagError,
  DuplicateSerialError,
  saveEquipment,
} from '../../use-cases/inventory/save-equipment';
import { CheckboxField, Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { userMessage } from '../../ui/user-message';
import { CategoryOptions } from './CategoryOptions';
import { EquipmentBadges } from './EquipmentBadges';
import { RetireEquipmentDialog } from './RetireEquipmentDialog';
import { today as todayOf } from './today';
import { FormDateField } from '../../ui/DateField';

/** /clients/:clientId/equipment/new and /clients/:clientId/equipment/:equipmentId */
export function EquipmentFormPage() {
  const { clientId = '', equipmentId } = useParams();
  const data = useEquipmentFormData(clientId, equipmentId);
  if (data === undefined) return <p className="muted">Chargement…</p>;
  if (data === null) {
    return (
      <section>
        <h1>Équipement introuvable</h1>
        <Link to={`/clients/${clientId}`}>Revenir au client</Link>
      </section>
    );
  }
  return (
    <EquipmentForm
      key={data.existing?.id ?? 'new'}
      clientId={clientId}
      clientName={data.clientName}
      existing={data.existing}
      sites={data.sites}
    />
  );
}

function EquipmentForm({
  clientId,
  clientName,
  existing,
  sites,
}: {
  clientId: string;
  clientName: string;
  existing: StoredEquipment | null;
  sites: readonly Site[];
}) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const discovered = existing === null && params.get('decouvert') === '1';
  const today = todayOf();
  const { register, handleSubmit, formState, setError, control, getValues } = useForm<
    EquipmentFormValues,
    unknown,
    EquipmentDraft
  >({
    resolver: zodResolver(equipmentFormSchema(today)),
    defaultValues: existing
      ? toFormValues(existing)
      : emptyFormValues(clientId, discovered ? today : null),
  });
  const errors = formState.errors;
  const declared = useWatch({ control, name: 'declared' });
  const back = `/clients/${clientId}`;

  // The resolver checked the values; the use case parses them again with the same schema.
  const submit = handleSubmit(async () => {
    try {
      await saveEquipment(appDeps(), { id: existing?.id, values: getValues() });
      void navigate(back);
    } catch (error) {
      if (error instanceof DuplicateSerialError) {
        setError('serialNumber', { message: error.message }, { shouldFocus: true });
        return;
      }
      if (error instanceof DuplicateAssetTagError) {
        setError('assetTag', { message: error.message }, { shouldFocus: true });
        return;
      }
      setError('root', { message: userMessage(error) });
    }
  });

  const [confirmingRetire, setConfirmingRetire] = useState(false);
  const [retiring, setRetiring] = useState(false);
  const retire = async () => {
    if (!existing) return;
    setRetiring(true);
    try {
      await retireEquipment(appDeps(), existing.id);
      setConfirmingRetire(false);
      void navigate(back);
    } catch (error) {
      setConfirmingRetire(false);
      setError('root', { message: userMessage(error) });
    } finally {
      setRetiring(false);
    }
  };

  return (
    <section>
      <p>
        <Link to={back}>← {clientName}</Link>
      </p>
      <h1>
        {existing
          ? `Équipement ${existing.serialNumber || existing.hostname || existing.model}`
          : discovered
            ? 'Équipement découvert sur site'
            : 'Nouvel équipement'}
      </h1>
      {existing && <EquipmentBadges item={existing} today={today} />}
      <form onSubmit={(e) => void submit(e)} noValidate aria-label="Équipement" className="panel">
        <FormError message={errors.root?.message} />
        <div className="form-grid">
          <Field label="Catégorie" error={errors.category?.message}>
            {(p) => (
              <select {...p} {...register('category')}>
                <CategoryOptions />
              </select>
            )}
          </Field>
          <Field label="Marque" error={errors.brand?.message}>
            {(p) => <input {...p} {...register('brand')} />}
          </Field>
          <Field label="Modèle" error={errors.model?.message}>
            {(p) => <input {...p} {...register('model')} />}
          </Field>
          <Field label="Numéro de série" error={errors.serialNumber?.message}>
            {(p) => (
              <input {...p} {...register('serialNumber')} autoComplete="off" spellCheck={false} />
            )}
          </Field>
          <Field label="Numéro d’inventaire" error={errors.assetTag?.message}>
            {(p) => <input {...p} {...register('assetTag')} autoComplete="off" />}
          </Field>
          <Field label="Nom d’hôte" error={errors.hostname?.message}>
            {(p) => (
              <input {...p} {...register('hostname')} autoComplete="off" spellCheck={false} />
            )}
          </Field>
          <Field label="Utilisateur" error={errors.assignedUser?.message}>
            {(p) => <input {...p} {...register('assignedUser')} />}
          </Field>
          <Field label="Site" error={errors.siteId?.message}>
            {(p) => (
              <select {...p} {...register('siteId')}>
                <option value="">(non précisé)</option>
                {sites.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Emplacement (pièce, baie)" error={errors.location?.message}>
            {(p) => <input {...p} {...register('location')} />}
          </Field>
          <FormDateField
            control={control}
            name="purchaseDate"
            label="Date d’achat ou de mise en service"
          />
          <FormDateField control={control} name="warrantyEndDate" label="Fin de garantie" />
          <Field label="Statut" error={errors.status?.message}>
            {(p) => (
              <select {...p} {...register('status')}>
                {EQUIPMENT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <CheckboxField label="Sous contrat (figure à l’annexe du contrat)">
          {(p) => <input {...p} type="checkbox" {...register('covered')} />}
        </CheckboxField>
        <CheckboxField label="Déclaré par le client">
          {(p) => <input {...p} type="checkbox" {...register('declared')} />}
        </CheckboxField>
        {!declared && (
          <FormDateField
            control={control}
            name="discoveredOn"
            label="Date de découverte"
            hint="Facturé comme unité supplémentaire à partir de cette date (002 art. IV.2.1)."
          />
        )}
        <Field
          label="Référence du mot de passe (coffre-fort)"
          error={errors.secretRef?.message}
          hint="Jamais le mot de passe ni la clé de licence : seulement où les trouver."
        >
          {(p) => <input {...p} {...register('secretRef')} autoComplete="off" />}
        </Field>
        <Field label="Notes" error={errors.notes?.message}>
          {(p) => <textarea {...p} {...register('notes')} rows={3} />}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            Enregistrer l’équipement
          </button>
          <Link className="button" to={back}>
            Annuler
          </Link>
          {existing && existing.status !== 'retired' && (
            <button type="button" className="danger" onClick={() => setConfirmingRetire(true)}>
              Retirer du parc
            </button>
          )}
        </div>
      </form>
      {existing && (
        <RetireEquipmentDialog
          open={confirmingRetire}
          busy={retiring}
          onConfirm={() => void retire()}
          onCancel={() => setConfirmingRetire(false)}
        />
      )}
    </section>
  );
}
