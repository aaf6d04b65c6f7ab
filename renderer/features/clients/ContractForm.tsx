import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { UseFormRegister } from 'react-hook-form';
import { contractSchema } from '../../../shared/billing/contract';
import type { ContractArticles } from '../../../shared/billing/contract';
import { contractWarnings } from '../../../shared/billing/contract-checks';
import { roundingSettingMissing } from '../../../shared/billing/rounding-clause';
import {
  CONTRACT_PRESETS,
  CONTRACT_PRESET_LABELS,
  contractPreset,
} from '../../../shared/billing/contract-presets';
import type { ContractPreset } from '../../../shared/billing/contract-presets';
import type { StoredContract } from '../../use-cases/clients/client-file';
import { saveContract } from '../../use-cases/contracts/save-contract';
import { appDeps } from '../../use-cases/deps';
import { contractFormSchema, contractFormValues, contractFromForm, withPreset } from '../contracts';
import type { ContractFormValues } from '../contracts';
import { FormDateField } from '../../ui/DateField';
import { CheckboxField, Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { FormError } from '../../ui/FormError';
import { userMessage } from '../../ui/user-message';
import { CopyRecipientsFieldset } from './CopyRecipientsFieldset';

type Register = UseFormRegister<ContractFormValues>;

/** "Art. : 002 art. IV.2.2" under a field, when the contract cites one for the rule. */
function cite(articles: ContractArticles | undefined, rule: keyof ContractArticles, text = '') {
  const article = articles?.[rule] ?? '';
  const parts = [text, article === '' ? '' : `Contrat : ${article}.`].filter((p) => p !== '');
  return parts.length === 0 ? undefined : parts.join(' ');
}

function Select({
  label,
  name,
  options,
  register,
  hint,
}: {
  label: string;
  name: keyof ContractFormValues;
  options: readonly (readonly [string, string])[];
  register: Register;
  hint?: string | undefined;
}) {
  return (
    <Field label={label} {...(hint ? { hint } : {})}>
      {(p) => (
        <select {...p} {...register(name)}>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * The contract screen: every parameter the billing engine prices, grouped as the contracts
 * are written, each with the article it comes from, a preset per kind of contract, and
 * consistency checks in plain French (shared/billing/contract-checks.ts). Validated again by
 * the billing schema on save; settings the screen does not show are kept.
 */
export function ContractForm({
  clientId,
  existing,
  onDone,
}: {
  clientId: string;
  existing: StoredContract | null;
  onDone: () => void;
}) {
  const [articles, setArticles] = useState<ContractArticles | undefined>(existing?.articles);
  const { register, handleSubmit, formState, setError, getValues, reset, control } = useForm({
    resolver: zodResolver(contractFormSchema),
    defaultValues: contractFormValues(existing),
  });
  const errors = formState.errors;
  const values = useWatch({ control });
  const parsedForm = contractFormSchema.safeParse(values);
  const warnings = parsedForm.success
    ? (() => {
        const candidate = contractSchema.safeParse({
          id: existing?.id ?? 'nouveau',
          ...contractFromForm(parsedForm.data, existing, { clientId, articles }),
        });
        return candidate.success
          ? contractWarnings(candidate.data, {
              // Only while the stored record lacks the setting: saving here stores it.
              roundingSettingMissing: roundingSettingMissing(existing),
            })
          : [];
      })()
    : [];

  const applyPreset = (preset: ContractPreset) => {
    reset(withPreset(getValues(), preset), { keepDefaultValues: true });
    setArticles(contractSchema.shape.articles.parse(contractPreset(preset).articles));
  };

  const submit = handleSubmit(async (v) => {
    try {
      // The billing schema keeps only contract fields: the sync envelope is saveContract's.
      await saveContract(appDeps(), contractFromForm(v, existing, { clientId, articles }));
      onDone();
    } catch (error) {
      setError('root', { message: userMessage(error) });
    }
  });
  const amount = (name: keyof ContractFormValues, label: string, hint?: string, error?: string) => (
    <Field label={label} error={error} {...(hint ? { hint } : {})}>
      {(p) => <input {...p} {...register(name)} inputMode="decimal" />}
    </Field>
  );
  const check = (name: keyof ContractFormValues, label: string) => (
    <CheckboxField label={label}>
      {(p) => <input {...p} type="checkbox" {...register(name)} />}
    </CheckboxField>
  );
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Contrat">
      <FormError message={errors.root?.message} />
      <fieldset>
        <legend>Type de contrat</legend>
        <p className="muted">
          Un modèle remplit les clauses de ce type de contrat et les articles cités ; complétez
          ensuite les prix et la zone.
        </p>
        <div className="form-actions">
          {CONTRACT_PRESETS.map((preset) => (
            <button
              key={preset}
              type="button"
              className="secondary"
              onClick={() => applyPreset(preset)}
            >
              {CONTRACT_PRESET_LABELS[preset]}
            </button>
          ))}
        </div>
      </fieldset>
      <div className="form-grid">
        <Field label="Référence du contrat" error={errors.reference?.message}>
          {(p) => <input {...p} {...register('reference')} />}
        </Field>
        <Field label="Libellé" error={errors.label?.message}>
          {(p) => <input {...p} {...register('label')} />}
        </Field>
        <FormDateField control={control} name="startsOn" label="Début du contrat" />
        <FormDateField control={control} name="renewsOn" label="Prochaine échéance" />
        <Field label="Préavis de résiliation (mois)" error={errors.noticeMonths?.message}>
          {(p) => (
            <input
              {...p}
              {...register('noticeMonths', { valueAsNumber: true })}
              type="number"
              min={0}
              max={24}
            />
          )}
        </Field>
      </div>

      <fieldset>
        <legend>Abonnement et ce qu’il inclut</legend>
        {check('incidentsIncluded', 'Incidents sur le matériel couvert inclus, en nombre illimité')}
        {check(
          'backupsCheckedByProvider',
          'Le prestataire vérifie les sauvegardes du client (rappel imprimé sur le bordereau)',
        )}
        <p className="muted">
          {cite(articles, 'incidents', 'Décoché : intervention en régie, tout est facturé.')}
        </p>
        <div className="form-grid">
          {amount(
            'subscriptionPrice',
            'Prix de l’abonnement HT (€)',
            cite(articles, 'syntec', 'Révisé par l’indice SYNTEC.'),
            errors.subscriptionPrice?.message,
          )}
          <Select
            label="Période de l’abonnement"
            name="subscriptionPeriod"
            register={register}
            options={[
              ['month', 'par mois'],
              ['quarter', 'par trimestre'],
              ['year', 'par an'],
            ]}
          />
          <Field
            label="Visites d’infogérance par an"
            error={errors.visitsPerYear?.message}
            {...(cite(
              articles,
              'plannedVisits',
              'Seules les visites planifiées comptent, jamais les incidents.',
            )
              ? {
                  hint: cite(
                    articles,
                    'plannedVisits',
                    'Seules les visites planifiées comptent, jamais les incidents.',
                  )!,
                }
              : {})}
          >
            {(p) => <input {...p} {...register('visitsPerYear')} inputMode="numeric" />}
          </Field>
          <Select
            label="Visite au-delà du nombre prévu"
            name="beyondQuota"
            register={register}
            options={[
              ['bill', 'facturée en prestation complémentaire (signalée)'],
              ['include', 'incluse (signalée)'],
            ]}
          />
          {amount(
            'perDeviceFee',
            'Redevance par équipement HT (€)',
            undefined,
            errors.perDeviceFee?.message,
          )}
        </div>
        {check(
          'ageSurcharge',
          'Majoration de vétusté (+10 % à 3 ans, +20 % à 4 ans, +30 % à 5 ans)',
        )}
      </fieldset>

      <fieldset>
        <legend>Prestations complémentaires et barème</legend>
        <div className="form-grid">
          <Field
            label="Taux horaire HT (€)"
            error={errors.hourlyRate?.message}
            {...(cite(articles, 'ladder') ? { hint: cite(articles, 'ladder')! } : {})}
          >
            {(p) => <input {...p} {...register('hourlyRate')} inputMode="decimal" />}
          </Field>
          {amount(
            'remoteHourlyRate',
            'Taux horaire à distance HT (€)',
            'Vide : le taux sur site.',
            errors.remoteHourlyRate?.message,
          )}
          {amount(
            'halfDayPrice',
            'Forfait demi-journée HT (€)',
            'Vide : 3 h 30 au taux horaire.',
            errors.halfDayPrice?.message,
          )}
          {amount(
            'dayPrice',
            'Forfait journée HT (€)',
            'Vide : 7 h au taux horaire.',
            errors.dayPrice?.message,
          )}
          <Field label="Tolérance avant palier (minutes)" error={errors.toleranceMinutes?.message}>
            {(p) => (
              <input
                {...p}
                {...register('toleranceMinutes', { valueAsNumber: true })}
                type="number"
                min={0}
                max={89}
              />
            )}
          </Field>
        </div>
        {check('roundTimeUpToEuro', 'Temps arrondi à l’euro supérieur (jamais les pièces)')}
        {cite(articles, 'rounding') && <p className="muted">{cite(articles, 'rounding')}</p>}
      </fieldset>

      <fieldset>
        <legend>Déplacements, repas et nuitées</legend>
        {cite(articles, 'travel') && <p className="muted">{cite(articles, 'travel')}</p>}
        <div className="form-grid">
          <Field
            label="Zone de déplacement incluse (départements)"
            error={errors.departements?.message}
          >
            {(p) => (
              <input {...p} {...register('departements')} placeholder="75, 77, 92, 93, 94, 95" />
            )}
          </Field>
          <Field label="Zone : codes postaux en plus" error={errors.postcodes?.message}>
            {(p) => <input {...p} {...register('postcodes')} placeholder="78000" />}
          </Field>
          <Select
            label="Déplacement hors zone"
            name="travelFeeKind"
            register={register}
            options={[
              ['included', 'inclus partout'],
              ['flat', 'forfait par déplacement'],
              ['per-km', 'au kilomètre'],
            ]}
          />
          {amount(
            'travelFee',
            'Prix du déplacement hors zone HT (€, forfait ou par km)',
            undefined,
            errors.travelFee?.message,
          )}
          {amount('meal', 'Repas HT (€)', 'Vide : non facturé.', errors.meal?.message)}
          {amount('night', 'Nuitée HT (€)', 'Vide : non facturée.', errors.night?.message)}
        </div>
        {check('expensesOutsideZoneOnly', 'Repas et nuitées facturés hors zone seulement')}
      </fieldset>

      <fieldset>
        <legend>Heures d’ouverture et hors heures</legend>
        <p className="muted">
          Les heures d’ouverture de chaque site font foi (fiche du site) ; celles du contrat servent
          à défaut.
        </p>
        <div className="form-grid">
          <Field
            label="Majoration hors heures d’ouverture (%)"
            error={errors.outsideHoursSurcharge?.message}
            {...(cite(articles, 'outsideHours', 'Vide : aucune, signalé au bureau.')
              ? { hint: cite(articles, 'outsideHours', 'Vide : aucune, signalé au bureau.')! }
              : {})}
          >
            {(p) => <input {...p} {...register('outsideHoursSurcharge')} inputMode="numeric" />}
          </Field>
          <Select
            label="Jours fériés du client"
            name="holidayRegion"
            register={register}
            options={[
              ['metropole', 'France métropolitaine'],
              ['alsace-moselle', 'Alsace-Moselle'],
              ['none', 'ouvert les jours fériés'],
            ]}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>Banque d’heures</legend>
        <div className="form-grid">
          <Select
            label="Banque d’heures"
            name="hourBankUnit"
            register={register}
            options={[
              ['none', 'aucune'],
              ['hours', 'en heures'],
              ['days', 'en jours (7 h)'],
            ]}
          />
          <Field label="Quantité prépayée" error={errors.hourBankQuantity?.message}>
            {(p) => <input {...p} {...register('hourBankQuantity')} inputMode="numeric" />}
          </Field>
          <FormDateField control={control} name="hourBankStartsOn" label="Début de la banque" />
          <FormDateField control={control} name="hourBankEndsOn" label="Fin de la banque" />
        </div>
      </fieldset>

      <fieldset>
        <legend>Révision SYNTEC</legend>
        {cite(articles, 'syntec') && <p className="muted">{cite(articles, 'syntec')}</p>}
        <div className="form-grid">
          <Field label="Indice SYNTEC de référence (S0)" error={errors.syntecIndex?.message}>
            {(p) => <input {...p} {...register('syntecIndex')} placeholder="296,1" />}
          </Field>
          <FormDateField
            control={control}
            name="syntecRevisedOn"
            label="Date de S0 (dernière révision)"
          />
          <Select
            label="Ce qui est révisé"
            name="syntecTarget"
            register={register}
            options={[
              ['subscription', 'le prix de l’abonnement'],
              ['rates', 'les taux et forfaits de temps'],
            ]}
          />
          <Select
            label="Quand"
            name="syntecWhen"
            register={register}
            options={[
              ['anniversary', 'à chaque date anniversaire'],
              ['january-1', 'chaque 1er janvier'],
            ]}
          />
          <Select
            label="Base"
            name="syntecBase"
            register={register}
            options={[
              ['chained', 'dernière révision (P0 et S0 révisés)'],
              ['initial', 'signature (P0 et S0 initiaux)'],
            ]}
          />
          <Select
            label="Arrondi de la révision"
            name="syntecRounding"
            register={register}
            options={[
              ['cent', 'au centime'],
              ['euro-up', 'à l’euro supérieur'],
            ]}
          />
          <Field label="Indice à la signature" error={errors.syntecInitialIndex?.message}>
            {(p) => <input {...p} {...register('syntecInitialIndex')} />}
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>Délais d’intervention sur site (heures ouvrées)</legend>
        {cite(articles, 'sla') && <p className="muted">{cite(articles, 'sla')}</p>}
        <div className="form-grid">
          <Field label="Serveurs et réseau (h)" error={errors.slaServerHours?.message}>
            {(p) => (
              <input
                {...p}
                {...register('slaServerHours', { valueAsNumber: true })}
                type="number"
              />
            )}
          </Field>
          <Field label="Postes et périphériques (h)" error={errors.slaWorkstationHours?.message}>
            {(p) => (
              <input
                {...p}
                {...register('slaWorkstationHours', { valueAsNumber: true })}
                type="number"
              />
            )}
          </Field>
        </div>
      </fieldset>

      <Controller
        control={control}
        name="copyRecipientContactIds"
        render={({ field, fieldState }) => (
          <CopyRecipientsFieldset
            clientId={clientId}
            value={field.value}
            onChange={field.onChange}
            error={fieldState.error?.message}
          />
        )}
      />

      {warnings.length > 0 && (
        <div className="warning" role="status" aria-label="Vérifications du contrat">
          <p>À vérifier :</p>
          <ul>
            {warnings.map((w) => (
              <li key={`${w.field}-${w.message}`}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}
      <FormActions
        submitLabel="Enregistrer le contrat"
        submitting={formState.isSubmitting}
        onCancel={onDone}
      />
    </form>
  );
}
