import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { UseFormRegisterReturn } from 'react-hook-form';
import {
  previewSyntecRevision,
  syntecRevisionInputSchema,
} from '../../../shared/billing/syntec-due';
import type { SyntecRevisionInput } from '../../../shared/billing/syntec-due';
import { localDateOf } from '../../../shared/calendar/local-date';
import { formatLocalDate } from '../../../shared/format/date';
import { formatMoney } from '../../../shared/format/money';
import { FormDateField } from '../../ui/DateField';
import { FormMonthField } from '../../ui/MonthField';
import { userMessage } from '../../ui/user-message';
import {
  applySyntecRevisionToContract,
  appSyntecDeps,
} from '../../use-cases/contracts/apply-syntec-revision';
import { useSyntecRevisionsDue } from '../../use-cases/contracts/use-syntec-revisions-due';
import type { SyntecDueRow } from '../../use-cases/contracts/use-syntec-revisions-due';

const WHEN_LABELS = { anniversary: 'anniversaire du contrat', 'january-1': '1er janvier' } as const;
const BASE_LABELS = { chained: 'base chaînée', initial: 'base initiale' } as const;
const TARGET_LABELS = { subscription: 'abonnement', rates: 'taux horaires' } as const;
const ROUNDING_LABELS = { 'euro-up': 'à l’euro supérieur', cent: 'au centime' } as const;

function Input({
  label,
  error,
  field,
  ...rest
}: {
  label: string;
  error: string | undefined;
  field: UseFormRegisterReturn;
  placeholder?: string;
  inputMode?: 'decimal';
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={Boolean(error)} {...field} {...rest} />
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** The published index the clerk types, the old and new price, and the button that applies. */
function RevisionForm({ row, onDone }: { row: SyntecDueRow; onDone: (text: string) => void }) {
  const { register, handleSubmit, formState, setError, control } = useForm<SyntecRevisionInput>({
    resolver: zodResolver(syntecRevisionInputSchema),
    defaultValues: {
      contractId: row.contract.id,
      on: row.dueOn,
      index: '',
      indexMonth: '',
    },
  });
  const values = useWatch({ control });
  const parsed = syntecRevisionInputSchema.safeParse(values);
  let preview: string;
  try {
    preview = parsed.success
      ? (() => {
          const p = previewSyntecRevision(row.contract, parsed.data);
          return `${formatMoney(p.fromCents)} × ${p.s1} / ${p.s0} → ${formatMoney(p.toCents)} HT`;
        })()
      : 'Saisissez l’indice publié et son mois.';
  } catch (error) {
    preview = userMessage(error);
  }
  const submit = handleSubmit(async (input) => {
    try {
      const saved = await applySyntecRevisionToContract(appSyntecDeps(), input);
      const last = saved.syntec?.history.at(-1);
      onDone(
        `Révision appliquée au contrat ${saved.reference} : ${last ? `${formatMoney(last.fromCents)} → ${formatMoney(last.toCents)} HT` : ''}.`,
      );
    } catch (error) {
      setError('root', { message: userMessage(error, 'Révision impossible.') });
    }
  });
  const errors = formState.errors;
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`Révision SYNTEC ${row.contract.reference}`}
    >
      {errors.root?.message && (
        <p className="field-error" role="alert">
          {errors.root.message}
        </p>
      )}
      <div className="form-grid">
        <Input
          label="Indice SYNTEC publié (S1)"
          error={errors.index?.message}
          field={register('index')}
          placeholder="310,1"
          inputMode="decimal"
        />
        <FormMonthField control={control} name="indexMonth" label="Mois de l’indice" />
        <FormDateField control={control} name="on" label="Date de la révision" />
      </div>
      <p role="status" aria-label="Nouveau prix">
        {preview}
      </p>
      <div className="actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          Appliquer la révision
        </button>
      </div>
    </form>
  );
}

/**
 * The office's SYNTEC revisions (002 art. IV.2.3, 003 art. 2.2, 004 art. XI): each indexed
 * contract with the date and base it states, the price a revision starts from, and a form
 * to apply the published index. Applying saves the contract and its history (synced).
 */
export function SyntecRevisionPanel() {
  // Today on the Paris calendar, read once per mount: the list is the day's.
  const [today] = useState(() => localDateOf(Date.now()));
  const rows = useSyntecRevisionsDue(today);
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (rows === undefined) return <p className="muted">Chargement…</p>;
  return (
    <section aria-label="Révisions SYNTEC">
      <h2>Révisions SYNTEC</h2>
      {message && <p role="status">{message}</p>}
      {rows.length === 0 ? (
        <p className="muted">Aucun contrat indexé sur l’indice SYNTEC.</p>
      ) : (
        <table aria-label="Contrats à réviser">
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Contrat</th>
              <th scope="col">Révision le</th>
              <th scope="col">Règle</th>
              <th scope="col">Prix actuel</th>
              <th scope="col">Dernières révisions</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const syntec = row.contract.syntec!;
              return (
                <tr key={row.contract.id}>
                  <td>{row.clientName}</td>
                  <td>{row.contract.reference}</td>
                  <td>
                    {formatLocalDate(row.dueOn)}{' '}
                    {row.status === 'due' && <span className="badge warn">à appliquer</span>}
                  </td>
                  <td>
                    {TARGET_LABELS[syntec.target]}, {WHEN_LABELS[syntec.when]},{' '}
                    {BASE_LABELS[syntec.base]} (S0 = {row.s0}), arrondi{' '}
                    {ROUNDING_LABELS[syntec.rounding]}
                    {row.contract.articles.syntec && ` — ${row.contract.articles.syntec}`}
                  </td>
                  <td>{row.fromCents === null ? '—' : `${formatMoney(row.fromCents)} HT`}</td>
                  <td>
                    {syntec.history.length === 0
                      ? 'aucune'
                      : syntec.history
                          .slice(-3)
                          .map(
                            (h) =>
                              `${formatLocalDate(h.on)} : ${formatMoney(h.fromCents)} → ${formatMoney(h.toCents)} (S1 = ${h.s1}${h.indexMonth ? `, ${h.indexMonth}` : ''})`,
                          )
                          .join(' ; ')}
                  </td>
                  <td>
                    <button
                      type="button"
                      onClick={() => {
                        setMessage(null);
                        setOpen(open === row.contract.id ? null : row.contract.id);
                      }}
                    >
                      {open === row.contract.id ? 'Fermer' : 'Réviser'}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {rows
        .filter((row) => row.contract.id === open)
        .map((row) => (
          <div key={row.contract.id} className="panel">
            <RevisionForm
              row={row}
              onDone={(text) => {
                setOpen(null);
                setMessage(text);
              }}
            />
          </div>
        ))}
    </section>
  );
}
