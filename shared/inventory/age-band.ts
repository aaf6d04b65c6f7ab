import { ageSurchargePercent } from '../billing/age-surcharge';
import type { AgeSurchargePercent } from '../billing/age-surcharge';
import type { LocalDate } from '../calendar/local-date';

/** Age bands of the surcharge of 004 art. XI, named for filtering and display. */
export const AGE_BANDS = ['under-3', '3-to-4', '4-to-5', 'over-5', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  'under-3': 'Moins de 3 ans',
  '3-to-4': '3 à 4 ans (+10 %)',
  '4-to-5': '4 à 5 ans (+20 %)',
  'over-5': 'Plus de 5 ans (+30 %)',
  unknown: 'Âge inconnu',
};

const BAND_BY_PERCENT: Record<AgeSurchargePercent, AgeBand> = {
  0: 'under-3',
  10: '3-to-4',
  20: '4-to-5',
  30: 'over-5',
};

/**
 * The band and surcharge of an equipment on a day, from the billing engine's own rule
 * (shared/billing/age-surcharge.ts), so the inventory shows what the invoice will apply.
 */
export function ageBandOf(
  purchaseDate: LocalDate | null,
  on: LocalDate,
): { band: AgeBand; surchargePercent: AgeSurchargePercent | null } {
  if (purchaseDate === null) return { band: 'unknown', surchargePercent: null };
  const percent = ageSurchargePercent(purchaseDate, on);
  return { band: BAND_BY_PERCENT[percent], surchargePercent: percent };
}
