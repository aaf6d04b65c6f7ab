import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { contractSchema } from '../../../shared/billing/contract';
import type { ContractArticles } from '../../../shared/billing/contract';
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
import { FormActions } from '../../ui/FormActions';
import { FormError } from '../../ui/FormError';
import { CheckField, NumberField, SelectField, TextField } from '../../ui/RegisteredFields';
import type { RegisteringForm } from '../../ui/RegisteredFields';
import { submitOrShowError } from '../../ui/submit-or-show-error';
import { CONTRACT_CHOICES } from './contract-choices';
import { contractFormWarnings } from './contract-form-warnings';
import { CopyRecipientsFieldset } from './CopyRecipientsFieldset';

/** "Art. : 002 art. IV.2.2" under a field, when the contract cites one for the rule. */
function cite(articles: ContractArticles | undefined, rule: keyof ContractArticles, text = '') {
  const article = articles?.[rule] ?? '';
  const parts = [text, article === '' ? '' : `Contrat : ${article}.`].filter((p) => p !== '');
  return parts.length === 0 ? undefined : parts.join(' ');
}

/** A paragraph citing the contract's article for a rule, when it cites one. */
function Citation({ text }: { text: string | undefined }) {
  return text ? <p className="muted">{text}</p> : null;
}

/** One of the contract's drop-down lists, its label and values from CONTRACT_CHOICES. */
function ContractChoice({
  form,
  name,
}: {
  form: RegisteringForm<ContractFormValues>;
  name: keyof typeof CONTRACT_CHOICES;
}) {
  return <SelectField form={form} name={name} {...CONTRACT_CHOICES[name]} />;
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
  const form = useForm({
    resolver: zodResolver(contractFormSchema),
    defaultValues: contractFormValues(existing),
  });
  const { control } = form;
  const warnings = contractFormWarnings(useWatch({ control }), existing, { clientId, articles });

  const applyPreset = (preset: ContractPreset) => {
    form.reset(withPreset(form.getValues(), preset), { keepDefaultValues: true });
    setArticles(contractSchema.shape.articles.parse(contractPreset(preset).articles));
  };

  // The billing schema keeps only contract fields: the sync envelope is saveContract's.
  const submit = submitOrShowError(form, async (v) => {
    await saveContract(appDeps(), contractFromForm(v, existing, { clientId, articles }));
    onDone();
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Contrat">
      <FormError message={form.formState.errors.root?.message} />
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
        <TextField form={form} name="reference" label="Référence du contrat" />
        <TextField form={form} name="label" label="Libellé" />
        <FormDateField control={control} name="startsOn" label="Début du contrat" />
        <FormDateField control={control} name="renewsOn" label="Prochaine échéance" />
        <NumberField
          form={form}
          name="noticeMonths"
          label="Préavis de résiliation (mois)"
          min={0}
          max={24}
        />
      </div>

      <fieldset>
        <legend>Abonnement et ce qu’il inclut</legend>
        <CheckField
          form={form}
          name="incidentsIncluded"
          label="Incidents sur le matériel couvert inclus, en nombre illimité"
        />
        <CheckField
          form={form}
          name="backupsCheckedByProvider"
          label="Le prestataire vérifie les sauvegardes du client (rappel imprimé sur le bordereau)"
        />
        <p className="muted">
          {cite(articles, 'incidents', 'Décoché : intervention en régie, tout est facturé.')}
        </p>
        <div className="form-grid">
          <TextField
            form={form}
            name="subscriptionPrice"
            label="Prix de l’abonnement HT (€)"
            hint={cite(articles, 'syntec', 'Révisé par l’indice SYNTEC.')}
            inputMode="decimal"
          />
          <ContractChoice form={form} name="subscriptionPeriod" />
          <TextField
            form={form}
            name="visitsPerYear"
            label="Visites d’infogérance par an"
            hint={cite(
              articles,
              'plannedVisits',
              'Seules les visites planifiées comptent, jamais les incidents.',
            )}
            inputMode="numeric"
          />
          <ContractChoice form={form} name="beyondQuota" />
          <TextField
            form={form}
            name="perDeviceFee"
            label="Redevance par équipement HT (€)"
            inputMode="decimal"
          />
        </div>
        <CheckField
          form={form}
          name="ageSurcharge"
          label="Majoration de vétusté (+10 % à 3 ans, +20 % à 4 ans, +30 % à 5 ans)"
        />
      </fieldset>

      <fieldset>
        <legend>Prestations complémentaires et barème</legend>
        <div className="form-grid">
          <TextField
            form={form}
            name="hourlyRate"
            label="Taux horaire HT (€)"
            hint={cite(articles, 'ladder')}
            inputMode="decimal"
          />
          <TextField
            form={form}
            name="remoteHourlyRate"
            label="Taux horaire à distance HT (€)"
            hint="Vide : le taux sur site."
            inputMode="decimal"
          />
          <TextField
            form={form}
            name="halfDayPrice"
            label="Forfait demi-journée HT (€)"
            hint="Vide : 3 h 30 au taux horaire."
            inputMode="decimal"
          />
          <TextField
            form={form}
            name="dayPrice"
            label="Forfait journée HT (€)"
            hint="Vide : 7 h au taux horaire."
            inputMode="decimal"
          />
          <NumberField
            form={form}
            name="toleranceMinutes"
            label="Tolérance avant palier (minutes)"
            min={0}
            max={89}
          />
        </div>
        <CheckField
          form={form}
          name="roundTimeUpToEuro"
          label="Temps arrondi à l’euro supérieur (jamais les pièces)"
        />
        <Citation text={cite(articles, 'rounding')} />
      </fieldset>

      <fieldset>
        <legend>Déplacements, repas et nuitées</legend>
        <Citation text={cite(articles, 'travel')} />
        <div className="form-grid">
          <TextField
            form={form}
            name="departements"
            label="Zone de déplacement incluse (départements)"
            placeholder="75, 77, 92, 93, 94, 95"
          />
          <TextField
            form={form}
            name="postcodes"
            label="Zone : codes postaux en plus"
            placeholder="78000"
          />
          <ContractChoice form={form} name="travelFeeKind" />
          <TextField
            form={form}
            name="travelFee"
            label="Prix du déplacement hors zone HT (€, forfait ou par km)"
            inputMode="decimal"
          />
          <TextField
            form={form}
            name="meal"
            label="Repas HT (€)"
            hint="Vide : non facturé."
            inputMode="decimal"
          />
          <TextField
            form={form}
            name="night"
            label="Nuitée HT (€)"
            hint="Vide : non facturée."
            inputMode="decimal"
          />
        </div>
        <CheckField
          form={form}
          name="expensesOutsideZoneOnly"
          label="Repas et nuitées facturés hors zone seulement"
        />
      </fieldset>

      <fieldset>
        <legend>Heures d’ouverture et hors heures</legend>
        <p className="muted">
          Les heures d’ouverture de chaque site font foi (fiche du site) ; celles du contrat servent
          à défaut.
        </p>
        <div className="form-grid">
          <TextField
            form={form}
            name="outsideHoursSurcharge"
            label="Majoration hors heures d’ouverture (%)"
            hint={cite(articles, 'outsideHours', 'Vide : aucune, signalé au bureau.')}
            inputMode="numeric"
          />
          <ContractChoice form={form} name="holidayRegion" />
        </div>
      </fieldset>

      <fieldset>
        <legend>Banque d’heures</legend>
        <div className="form-grid">
          <ContractChoice form={form} name="hourBankUnit" />
          <TextField
            form={form}
            name="hourBankQuantity"
            label="Quantité prépayée"
            inputMode="numeric"
          />
          <FormDateField control={control} name="hourBankStartsOn" label="Début de la banque" />
          <FormDateField control={control} name="hourBankEndsOn" label="Fin de la banque" />
        </div>
      </fieldset>

      <fieldset>
        <legend>Révision SYNTEC</legend>
        <Citation text={cite(articles, 'syntec')} />
        <div className="form-grid">
          <TextField
            form={form}
            name="syntecIndex"
            label="Indice SYNTEC de référence (S0)"
            placeholder="296,1"
          />
          <FormDateField
            control={control}
            name="syntecRevisedOn"
            label="Date de S0 (dernière révision)"
          />
          <ContractChoice form={form} name="syntecTarget" />
          <ContractChoice form={form} name="syntecWhen" />
          <ContractChoice form={form} name="syntecBase" />
          <ContractChoice form={form} name="syntecRounding" />
          <TextField form={form} name="syntecInitialIndex" label="Indice à la signature" />
        </div>
      </fieldset>

      <fieldset>
        <legend>Délais d’intervention sur site (heures ouvrées)</legend>
        <Citation text={cite(articles, 'sla')} />
        <div className="form-grid">
          <NumberField form={form} name="slaServerHours" label="Serveurs et réseau (h)" />
          <NumberField form={form} name="slaWorkstationHours" label="Postes et périphériques (h)" />
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
        submitting={form.formState.isSubmitting}
        onCancel={onDone}
      />
    </form>
  );
}
