import type { LocalDate } from '../calendar/local-date';
import { ageBandOf } from './age-band';
import type { AgeBand } from './age-band';
import type { EquipmentCategory } from './category';
import type { EquipmentDraft, EquipmentStatus } from './equipment';
import { matchesQuery, matchRank, queryTerms } from './search-key';
import { warrantyState } from './warranty';
import type { WarrantyState } from './warranty';

export type YesNoAll = 'all' | 'yes' | 'no';

export interface EquipmentFilter {
  readonly query: string;
  readonly category: EquipmentCategory | 'all';
  readonly status: EquipmentStatus | 'all';
  readonly covered: YesNoAll;
  readonly declared: YesNoAll;
  readonly warranty: WarrantyState | 'all';
  readonly ageBand: AgeBand | 'all';
}

export const NO_FILTER: EquipmentFilter = {
  query: '',
  category: 'all',
  status: 'all',
  covered: 'all',
  declared: 'all',
  warranty: 'all',
  ageBand: 'all',
};

const yesNo = (want: YesNoAll, value: boolean) => want === 'all' || (want === 'yes') === value;

/**
 * A client's inventory filtered as the table shows it: every filter must hold, and the
 * query must match (serial number and asset tag anywhere in them, hostname, model and user
 * by word). With a query, serial-number matches come first; otherwise the order is kept.
 */
export function filterEquipment<T extends EquipmentDraft>(
  items: readonly T[],
  filter: EquipmentFilter,
  today: LocalDate,
): T[] {
  const terms = queryTerms(filter.query);
  const ageCache = new Map<string, AgeBand>();
  const bandOf = (date: LocalDate | null): AgeBand => {
    if (date === null) return 'unknown';
    let band = ageCache.get(date);
    if (band === undefined) ageCache.set(date, (band = ageBandOf(date, today).band));
    return band;
  };
  const kept = items.filter(
    (e) =>
      (filter.category === 'all' || e.category === filter.category) &&
      (filter.status === 'all' || e.status === filter.status) &&
      yesNo(filter.covered, e.covered) &&
      yesNo(filter.declared, e.declared) &&
      (filter.warranty === 'all' || warrantyState(e.warrantyEndDate, today) === filter.warranty) &&
      (filter.ageBand === 'all' || bandOf(e.purchaseDate) === filter.ageBand) &&
      matchesQuery(e, terms),
  );
  if (terms.length === 0) return kept;
  return kept
    .map((e, i) => ({ e, i, rank: matchRank(e, terms) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.e);
}
