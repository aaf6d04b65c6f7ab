import type { z } from 'zod';
import { contractPreset } from './contract-presets';
import { contractSchema, travelFeeSchema, type Contract } from './contract';

/**
 * The company's default rates (Paramètres › Tarifs par défaut): what a technician bills a
 * client who has no contract (issue 9: contracts stay office-only). Same fields and messages
 * as the contract screen's, picked from the contract schema so the two can never drift.
 */
export const defaultRatesSchema = contractSchema
  .pick({
    hourlyRateCents: true,
    remoteHourlyRateCents: true,
    halfDayPriceCents: true,
    dayPriceCents: true,
    toleranceMinutes: true,
    outsideHoursSurchargePercent: true,
    roundTimeUpToEuro: true,
  })
  .extend({ travelFee: travelFeeSchema.default({ kind: 'included' }) });
export type DefaultRates = z.output<typeof defaultRatesSchema>;
export type DefaultRatesInput = z.input<typeof defaultRatesSchema>;

/** Until the office sets its own: 80 € HT an hour, nothing else billed (docs/billing.md). */
export const FALLBACK_DEFAULT_RATES: DefaultRates = defaultRatesSchema.parse({
  hourlyRateCents: 8000,
});

/** Printed where a contract's reference goes, so the client sees why these rates apply. */
export const NO_CONTRACT_REFERENCE = 'Sans contrat — tarifs par défaut du prestataire';

/**
 * The contract id a visit for a client without contract records: never a stored contract's
 * (those are UUIDs), so the visit screens know to price it at the default rates.
 */
export function defaultContractId(clientId: string): string {
  return `default-rates:${clientId}`;
}

/** A contract built by `defaultContract`: no subscription, a visit is never under one. */
export function isDefaultContract(contract: Pick<Contract, 'id' | 'clientId'>): boolean {
  return contract.id === defaultContractId(contract.clientId);
}

/**
 * The contract the engine prices a client without contract with: the time-and-materials
 * ('regie') preset, no subscription, nothing included (every minute goes through the
 * ladder), no travel zone, at the default rates. Pure: same rates, same contract.
 */
export function defaultContract(
  rates: DefaultRatesInput,
  clientId: string,
  startsOn: string,
): Contract {
  const { travelFee, ...own } = defaultRatesSchema.parse(rates);
  const preset = contractPreset('regie');
  return contractSchema.parse({
    ...preset,
    ...own,
    id: defaultContractId(clientId),
    clientId,
    reference: NO_CONTRACT_REFERENCE,
    // The reference alone says it: the report prints "reference – label".
    label: '',
    startsOn,
    renewsOn: null,
    coverage: { ...preset.coverage, incidentsIncluded: false, subscriptionPriceCents: null },
    subscriptionVisitsPerYear: null,
    hourBank: null,
    flatTasks: [],
    syntec: null,
    travel: { ...preset.travel, zone: { departements: [], postcodes: [] }, fee: travelFee },
  });
}
