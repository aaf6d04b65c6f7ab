import {
  CATEGORIES_BY_GROUP,
  CATEGORY_GROUP_LABELS,
  CATEGORY_LABELS,
} from '../../../shared/inventory/category';
import type { CategoryGroup } from '../../../shared/inventory/category';

/** Our equipment categories as a select's options, grouped as the inventory shows them. */
export function CategoryOptions() {
  return (
    <>
      {(Object.keys(CATEGORIES_BY_GROUP) as CategoryGroup[]).map((group) => (
        <optgroup key={group} label={CATEGORY_GROUP_LABELS[group]}>
          {CATEGORIES_BY_GROUP[group].map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
