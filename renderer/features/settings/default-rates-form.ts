import { NO_CONTRACT_REFERENCE, defaultContract } from '../../../shared/billing/default-contract';
import type { DefaultRates } from '../../../shared/billing/default-contract';
import { contractFormSchema, contractFormValues, contractFromForm } from '../contracts';
import type { ContractFormValues } from '../contracts';

/**
 * The "Tarifs par défaut" screen edits the contract screen's own values (same fields, same
 * euro parser, same messages): the rates are shown as the default contract's, and read back
 * from the contract the contract screen's mapping builds.
 */

/** The fields the screen shows; the others keep the default contract's values. */
export const DEFAULT_RATE_FIELDS = [
  'hourlyRate',
  'remoteHourlyRate',
  'halfDayPrice',
  'dayPrice',
  'toleranceMinutes',
  'roundTimeUpToEuro',
  'travelFeeKind',
  'travelFee',
  'outsideHoursSurcharge',
] as const satisfies readonly (keyof ContractFormValues)[];

// Any valid values for the fields the screen hides: they never reach the rates.
const HIDDEN = { clientId: 'default-rates', startsOn: '2026-01-01' };

export function defaultRatesFormValues(rates: DefaultRates): ContractFormValues {
  return contractFormValues(defaultContract(rates, HIDDEN.clientId, HIDDEN.startsOn));
}

export type DefaultRatesParse =
  | { readonly ok: true; readonly rates: DefaultRates }
  | { readonly ok: false; readonly errors: Partial<Record<keyof ContractFormValues, string>> };

/** The rates typed, validated by the contract screen's schema. */
export function defaultRatesFromForm(values: ContractFormValues): DefaultRatesParse {
  const parsed = contractFormSchema.safeParse({ ...values, reference: NO_CONTRACT_REFERENCE });
  if (!parsed.success) {
    const errors: Partial<Record<keyof ContractFormValues, string>> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof ContractFormValues;
      errors[key] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const c = contractFromForm(parsed.data, null, { clientId: HIDDEN.clientId, articles: undefined });
  return {
    ok: true,
    rates: {
      hourlyRateCents: c.hourlyRateCents,
      remoteHourlyRateCents: c.remoteHourlyRateCents ?? null,
      halfDayPriceCents: c.halfDayPriceCents ?? null,
      dayPriceCents: c.dayPriceCents ?? null,
      toleranceMinutes: c.toleranceMinutes ?? 0,
      outsideHoursSurchargePercent: c.outsideHoursSurchargePercent ?? null,
      roundTimeUpToEuro: c.roundTimeUpToEuro ?? false,
      travelFee: c.travel?.fee ?? { kind: 'included' },
    },
  };
}
