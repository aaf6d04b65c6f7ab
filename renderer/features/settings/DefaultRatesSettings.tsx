import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { DefaultRates } from '../../../shared/billing/default-contract';
import { getDb } from '../../db/database';
import { CheckboxField, Field } from '../../ui/Field';
import type { ContractFormValues } from '../contracts';
import { defaultRatesFormValues, defaultRatesFromForm } from './default-rates-form';
import {
  getDefaultRates,
  hasDefaultRates,
  saveDefaultRates,
} from '../../use-cases/settings/default-rates';

type TextKey = 'hourlyRate' | 'remoteHourlyRate' | 'halfDayPrice' | 'dayPrice' | 'travelFee';

const AMOUNTS: readonly [TextKey, string, string | undefined][] = [
  ['hourlyRate', 'Taux horaire HT (€)', undefined],
  ['remoteHourlyRate', 'Taux horaire à distance HT (€)', 'Vide : le taux sur site.'],
  ['halfDayPrice', 'Forfait demi-journée HT (€)', 'Vide : 3 h 30 au taux horaire.'],
  ['dayPrice', 'Forfait journée HT (€)', 'Vide : 7 h au taux horaire.'],
];

/** Paramètres › Tarifs par défaut: what a client without contract is billed at. */
export function DefaultRatesSettings() {
  const db = getDb();
  const data = useLiveQuery(
    async () => ({ rates: await getDefaultRates(db), saved: await hasDefaultRates(db) }),
    [db],
  );
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
  const [values, setValues] = useState<ContractFormValues>(() => defaultRatesFormValues(current));
  const [errors, setErrors] = useState<Partial<Record<keyof ContractFormValues, string>>>({});
  const text = (key: TextKey | 'outsideHoursSurcharge') => ({
    value: values[key],
    onChange: (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value }),
  });

  const save = async () => {
    const parsed = defaultRatesFromForm(values);
    if (!parsed.ok) {
      setMessage(null);
      setErrors(parsed.errors);
      return;
    }
    await saveDefaultRates(getDb(), parsed.rates);
    setErrors({});
    setMessage('Tarifs par défaut enregistrés.');
  };

  return (
    <form
      aria-label="Tarifs par défaut"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>Tarifs par défaut</h2>
      <p className="muted">
        Appliqués aux clients sans contrat : intervention en régie, au temps passé, chaque minute
        facturée selon les paliers.
        {!saved && ' Non enregistrés : 80 € HT de l’heure jusqu’à ce que vous les fixiez.'}
      </p>
      <div className="form-grid">
        {AMOUNTS.map(([key, label, hint]) => (
          <Field key={key} label={label} error={errors[key]} {...(hint ? { hint } : {})}>
            {(p) => <input {...p} {...text(key)} inputMode="decimal" />}
          </Field>
        ))}
        <Field label="Tolérance avant palier (minutes)" error={errors.toleranceMinutes}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={0}
              max={89}
              value={Number.isNaN(values.toleranceMinutes) ? '' : values.toleranceMinutes}
              onChange={(e) => setValues({ ...values, toleranceMinutes: e.target.valueAsNumber })}
            />
          )}
        </Field>
        <Field label="Déplacement">
          {(p) => (
            <select
              {...p}
              value={values.travelFeeKind}
              onChange={(e) =>
                setValues({
                  ...values,
                  travelFeeKind: e.target.value as ContractFormValues['travelFeeKind'],
                })
              }
            >
              <option value="included">non facturé</option>
              <option value="flat">forfait</option>
              <option value="per-km">au kilomètre</option>
            </select>
          )}
        </Field>
        <Field label="Prix du déplacement HT (€, forfait ou par km)" error={errors.travelFee}>
          {(p) => <input {...p} {...text('travelFee')} inputMode="decimal" />}
        </Field>
        <Field
          label="Majoration hors heures d’ouverture (%)"
          error={errors.outsideHoursSurcharge}
          hint="Vide : aucune, signalé au bureau."
        >
          {(p) => <input {...p} {...text('outsideHoursSurcharge')} inputMode="numeric" />}
        </Field>
      </div>
      <CheckboxField label="Temps arrondi à l’euro supérieur (jamais les pièces)">
        {(p) => (
          <input
            {...p}
            type="checkbox"
            checked={values.roundTimeUpToEuro}
            onChange={(e) => setValues({ ...values, roundTimeUpToEuro: e.target.checked })}
          />
        )}
      </CheckboxField>
      <button type="submit" className="primary">
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
