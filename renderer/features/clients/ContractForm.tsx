import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { localDateSchema } from '../../../shared/calendar/local-date';
import { getDb } from '../../db/database';
import type { StoredContract } from '../../db/database';
import { saveContract } from '../../db/repositories/contracts';
import { Field } from './Field';
import { FormActions } from './FormActions';
import { centsToEuroText, eurosToCents } from './euro-input';

const euros = (required: boolean) =>
  z
    .string()
    .trim()
    .refine(
      (t) => (t === '' ? !required : eurosToCents(t) !== null),
      required
        ? 'Montant en euros attendu (ex. 65 ou 65,50).'
        : 'Montant en euros attendu, ou laisser vide.',
    );
const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: 'Nombre entier attendu.' })
    .int('Nombre entier attendu.')
    .min(min, `${min} au minimum.`)
    .max(max, `${max} au maximum.`);

/** What the contract form edits; the other settings (VAT, travel fee, flat tasks…) are kept. */
const contractFormSchema = z.object({
  reference: z.string().trim().min(1, 'Référence du contrat obligatoire.'),
  label: z.string().trim(),
  // An empty date would otherwise read "Date attendue au format AAAA-MM-JJ", which the date picker never shows.
  startsOn: z.string().min(1, 'Date de début du contrat obligatoire.').pipe(localDateSchema),
  renewsOn: z.union([z.literal(''), localDateSchema]),
  noticeMonths: wholeNumber(0, 24),
  hourlyRate: euros(true),
  halfDayPrice: euros(false),
  dayPrice: euros(false),
  toleranceMinutes: wholeNumber(0, 89),
  departements: z
    .string()
    .trim()
    .regex(
      /^$|^(?:[0-9]{2,3}|2[AB])(?:\s*[,;]\s*(?:[0-9]{2,3}|2[AB]))*$/i,
      'Départements séparés par des virgules (ex. 75, 92, 93).',
    ),
  visitsPerYear: z
    .string()
    .trim()
    .regex(/^$|^\d{1,3}$/, 'Nombre de visites attendu, ou laisser vide.'),
});
type ContractFormValues = z.input<typeof contractFormSchema>;

function defaults(existing: StoredContract | null): ContractFormValues {
  return {
    reference: existing?.reference ?? '',
    label: existing?.label ?? '',
    startsOn: existing?.startsOn ?? '',
    renewsOn: existing?.renewsOn ?? '',
    noticeMonths: existing?.noticeMonths ?? 3,
    hourlyRate: existing ? centsToEuroText(existing.hourlyRateCents) : '',
    halfDayPrice: centsToEuroText(existing?.halfDayPriceCents ?? null),
    dayPrice: centsToEuroText(existing?.dayPriceCents ?? null),
    toleranceMinutes: existing?.toleranceMinutes ?? 0,
    departements: existing?.travel.zone.departements.join(', ') ?? '',
    visitsPerYear:
      existing?.subscriptionVisitsPerYear === null || existing === null
        ? ''
        : String(existing.subscriptionVisitsPerYear),
  };
}

/** The billing settings of a client's contract (validated again by the billing schema). */
export function ContractForm({
  clientId,
  existing,
  onDone,
}: {
  clientId: string;
  existing: StoredContract | null;
  onDone: () => void;
}) {
  const { register, handleSubmit, formState, setError } = useForm({
    resolver: zodResolver(contractFormSchema),
    defaultValues: defaults(existing),
  });
  const errors = formState.errors;
  const submit = handleSubmit(async (v) => {
    const {
      revision: _revision,
      updatedAt: _updatedAt,
      ...kept
    } = existing ?? { revision: null, updatedAt: 0 };
    const centsOrNull = (t: string) => (t === '' ? null : eurosToCents(t));
    try {
      await saveContract(getDb(), {
        ...kept,
        clientId,
        reference: v.reference,
        label: v.label,
        startsOn: v.startsOn,
        renewsOn: v.renewsOn === '' ? null : v.renewsOn,
        noticeMonths: v.noticeMonths,
        hourlyRateCents: eurosToCents(v.hourlyRate),
        halfDayPriceCents: centsOrNull(v.halfDayPrice),
        dayPriceCents: centsOrNull(v.dayPrice),
        toleranceMinutes: v.toleranceMinutes,
        travel: {
          ...(existing?.travel ?? {}),
          zone: {
            ...(existing?.travel.zone ?? { postcodes: [] }),
            departements:
              v.departements === '' ? [] : v.departements.toUpperCase().split(/\s*[,;]\s*/),
          },
        },
        subscriptionVisitsPerYear: v.visitsPerYear === '' ? null : Number(v.visitsPerYear),
      });
      onDone();
    } catch (error) {
      setError('root', { message: error instanceof Error ? error.message : String(error) });
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Contrat">
      {errors.root?.message && (
        <p className="field-error" role="alert">
          {errors.root.message}
        </p>
      )}
      <div className="form-grid">
        <Field label="Référence du contrat" error={errors.reference?.message}>
          {(p) => <input {...p} {...register('reference')} />}
        </Field>
        <Field label="Libellé" error={errors.label?.message}>
          {(p) => <input {...p} {...register('label')} />}
        </Field>
        <Field label="Début du contrat" error={errors.startsOn?.message}>
          {(p) => <input {...p} {...register('startsOn')} type="date" />}
        </Field>
        <Field label="Prochaine échéance" error={errors.renewsOn?.message}>
          {(p) => <input {...p} {...register('renewsOn')} type="date" />}
        </Field>
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
        <Field label="Taux horaire HT (€)" error={errors.hourlyRate?.message}>
          {(p) => <input {...p} {...register('hourlyRate')} inputMode="decimal" />}
        </Field>
        <Field
          label="Forfait demi-journée HT (€)"
          error={errors.halfDayPrice?.message}
          hint="Vide : 3 h 30 au taux horaire."
        >
          {(p) => <input {...p} {...register('halfDayPrice')} inputMode="decimal" />}
        </Field>
        <Field
          label="Forfait journée HT (€)"
          error={errors.dayPrice?.message}
          hint="Vide : 7 h au taux horaire."
        >
          {(p) => <input {...p} {...register('dayPrice')} inputMode="decimal" />}
        </Field>
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
        <Field
          label="Zone de déplacement incluse (départements)"
          error={errors.departements?.message}
        >
          {(p) => (
            <input {...p} {...register('departements')} placeholder="75, 77, 92, 93, 94, 95" />
          )}
        </Field>
        <Field label="Visites d’infogérance par an" error={errors.visitsPerYear?.message}>
          {(p) => <input {...p} {...register('visitsPerYear')} inputMode="numeric" />}
        </Field>
      </div>
      <FormActions
        submitLabel="Enregistrer le contrat"
        submitting={formState.isSubmitting}
        onCancel={onDone}
      />
    </form>
  );
}
