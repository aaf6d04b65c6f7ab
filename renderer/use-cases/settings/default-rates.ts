import {
  FALLBACK_DEFAULT_RATES,
  defaultRatesSchema,
} from '../../../shared/billing/default-contract';
import type { DefaultRates } from '../../../shared/billing/default-contract';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import type { BordereauDb } from '../../db/database';

/**
 * The company's default rates, a local setting of the laptop like the provider's identity
 * (renderer/db/repositories/profile.ts): what a client without contract is billed at.
 */
const DEFAULT_RATES_KEY = 'defaultRates';

/** The rates saved, or the documented fallback until the office sets its own. */
export async function getDefaultRates(db: BordereauDb): Promise<DefaultRates> {
  const row = await db.settings.get(DEFAULT_RATES_KEY);
  const parsed = defaultRatesSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : FALLBACK_DEFAULT_RATES;
}

/** Whether the office has saved its own rates (the screen says when the fallback applies). */
export async function hasDefaultRates(db: BordereauDb): Promise<boolean> {
  const row = await db.settings.get(DEFAULT_RATES_KEY);
  return defaultRatesSchema.safeParse(row?.value).success;
}

export async function saveDefaultRates(db: BordereauDb, rates: unknown): Promise<DefaultRates> {
  const valid = defaultRatesSchema.parse(rates);
  await db.settings.put({ key: DEFAULT_RATES_KEY, value: valid });
  return valid;
}

/** The rates in force and whether the office saved them, live (Paramètres › Tarifs par défaut). */
export function useDefaultRates(): { rates: DefaultRates; saved: boolean } | undefined {
  const db = getDb();
  return useLiveQuery(
    async () => ({ rates: await getDefaultRates(db), saved: await hasDefaultRates(db) }),
    [db],
  );
}
