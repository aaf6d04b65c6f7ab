import { addLocalDays } from '../calendar/local-date';
import type { LocalDate } from '../calendar/local-date';

export type WarrantyState = 'under-warranty' | 'expires-soon' | 'expired' | 'unknown';

export const WARRANTY_STATES = [
  'under-warranty',
  'expires-soon',
  'expired',
  'unknown',
] as const satisfies readonly WarrantyState[];

export const WARRANTY_LABELS: Record<WarrantyState, string> = {
  'under-warranty': 'Sous garantie',
  'expires-soon': 'Garantie bientôt échue',
  expired: 'Hors garantie',
  unknown: 'Garantie inconnue',
};

/** Our default: warn 90 days ahead, time enough for the office to quote a replacement. */
export const WARRANTY_WARNING_DAYS = 90;

/**
 * Warranty state on a day (002 art. III-1 §7: under warranty the technician opens a claim
 * with the manufacturer; out of warranty the office quotes the repair). The end date is the
 * last day covered.
 */
export function warrantyState(
  warrantyEndDate: LocalDate | null,
  today: LocalDate,
  warningDays: number = WARRANTY_WARNING_DAYS,
): WarrantyState {
  if (warrantyEndDate === null) return 'unknown';
  if (warrantyEndDate < today) return 'expired';
  if (warrantyEndDate <= addLocalDays(today, warningDays)) return 'expires-soon';
  return 'under-warranty';
}
