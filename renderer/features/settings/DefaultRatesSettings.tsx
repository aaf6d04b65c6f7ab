import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { DefaultRates } from '../../../shared/billing/default-contract';
import { CheckboxField, Field } from '../../ui/Field';
import type { ContractFormValues } from '../contracts';
import { defaultRatesFormValues, defaultRatesFromForm } from './default-rates-form';
import { saveDefaultRates, useDefaultRates } from '../../use-cases/settings/default-rates';
import { appDeps } from '../../use-cases/deps';
import { FormError } from '../../ui/FormError';
import { userMessage } from '../../ui/user-message';

type TextKey = 'hourlyRate' | 'remoteHourlyRate' | 'halfDayPrice' | 'dayPrice' | 'travelFee';

const AMOUNTS: readonly [TextKey, string, string | undefined][] = [
  ['hourlyRate', 'Taux horaire HT (€)', undefined],
  ['remoteHourlyRate', 'Taux horaire à distance HT (€)', 'Vide : le taux sur site.'],
  ['halfDayPrice', 'Forfait demi-journée HT (€)', 'Vide : 3 h 30 au taux horaire.'],
  ['dayPrice', 'Forfait journée HT (€)', 'Vide : 7 h au taux horaire.'],
];

/** Paramètres › Tarifs par défaut: what a client without contract is billed at. */
export function DefaultRatesSettings() {
  const data = useDefaultRates();
  // Held here: saving changes the rates, which remounts the form (its key) with them.
  const [message, setMessage] = useState<string | null>(null);
  if (!data) return null;
  return (
    <DefaultRatesForm
      key={JSON.stringify(data.rates)}
      current={data.rates}
      saved={data.saved}
      message={message}
      setMessage={setMessage}
    />
  );
}

function DefaultRatesForm({
  current,
  saved,
  message,
  setMessage,
}: {
  current: DefaultRates;
  saved: boolean;
  message: string | null;
  setMessage: (message: string | null) => void;
}) {
  // react-hook-form holds the typed text; the contract screen's schema (through
  // defaultRatesFromForm) validates it, so both screens say the same thing.
  const { register, handleSubmit, setError, clearErrors, formState } = useForm<ContractFormValues>({
    defaultValues: defaultRatesFormValues(current),
  });
  const errors = formState.errors;
  const text = (key: TextKey | 'outsideHoursSurcharge') => register(key);

  const save = handleSubmit(async (values) => {
    clearErrors();
    const parsed = defaultRatesFromForm(values);
    if (!parsed.ok) {
      setMessage(null);
      for (const [key, message] of Object.entries(parsed.errors))
        setError(key as keyof ContractFormValues, { message });
      return;
    }
    try {
      await saveDefaultRates(appDeps().db, parsed.rates);
      setMessage('Tarifs par défaut enregistrés.');
    } catch (error) {
      setError('root', { message: userMessage(error) });
    }
  });

  return (
    <form aria-label="Tarifs par défaut" onSubmit={(e) => void save(e)} noValidate>
      <h2>Tarifs par défaut</h2>
      <p className="muted">
        Appliqués aux clients sans contrat : intervention en régie, au temps passé, chaque minute
        facturée selon les paliers.
        {!saved && ' Non enregistrés : 80 € HT de l’heure jusqu’à ce que vous les fixiez.'}
      </p>
      <div className="form-grid">
        {AMOUNTS.map(([key, label, hint]) => (
          <Field key={key} label={label} error={errors[key]?.message} {...(hint ? { hint } : {})}>
            {(p) => <input {...p} {...text(key)} inputMode="decimal" />}
          </Field>
        ))}
        <Field label="Tolérance avant palier (minutes)" error={errors.toleranceMinutes?.message}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={0}
              max={89}
              {...register('toleranceMinutes', { valueAsNumber: true })}
            />
          )}
        </Field>
        <Field label="Déplacement">
          {(p) => (
            <select {...p} {...register('travelFeeKind')}>
              <option value="included">non facturé</option>
              <option value="flat">forfait</option>
              <option value="per-km">au kilomètre</option>
            </select>
          )}
        </Field>
        <Field
          label="Prix du déplacement HT (€, forfait ou par km)"
          error={errors.travelFee?.message}
        >
          {(p) => <input {...p} {...text('travelFee')} inputMode="decimal" />}
        </Field>
        <Field
          label="Majoration hors heures d’ouverture (%)"
          error={errors.outsideHoursSurcharge?.message}
          hint="Vide : aucune, signalé au bureau."
        >
          {(p) => <input {...p} {...text('outsideHoursSurcharge')} inputMode="numeric" />}
        </Field>
      </div>
      <CheckboxField label="Temps arrondi à l’euro supérieur (jamais les pièces)">
        {(p) => <input {...p} type="checkbox" {...register('roundTimeUpToEuro')} />}
      </CheckboxField>
      <FormError message={errors.root?.message} />
      <button type="submit" className="primary" disabled={formState.isSubmitting}>
        Enregistrer les tarifs
      </button>
      {message && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
    </form>
  );
}
