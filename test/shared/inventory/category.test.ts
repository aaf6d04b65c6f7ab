import { describe, expect, it } from 'vitest';
import {
  CATEGORIES_BY_GROUP,
  CATEGORY_LABELS,
  EQUIPMENT_CATEGORIES,
  categoryGroupOf,
} from '../../../shared/inventory/category';
import type { CategoryGroup } from '../../../shared/inventory/category';

describe('equipment categories', () => {
  it('lists each category once, in the order of its group, each with a French label', () => {
    expect(new Set(EQUIPMENT_CATEGORIES).size).toBe(EQUIPMENT_CATEGORIES.length);
    expect(EQUIPMENT_CATEGORIES[0]).toBe('server');
    expect(EQUIPMENT_CATEGORIES.at(-1)).toBe('other');
    for (const category of EQUIPMENT_CATEGORIES) expect(CATEGORY_LABELS[category]).toBeTruthy();
  });

  it('files a category under the group the contracts put it in (004 art. IV, 002 art. III)', () => {
    expect(categoryGroupOf('nas')).toBe('servers-network');
    expect(categoryGroupOf('laptop')).toBe('user-equipment');
    expect(categoryGroupOf('antivirus')).toBe('software');
    expect(categoryGroupOf('other')).toBe('other');
    for (const [group, members] of Object.entries(CATEGORIES_BY_GROUP) as [
      CategoryGroup,
      readonly string[],
    ][]) {
      for (const member of members) {
        expect(categoryGroupOf(member as (typeof EQUIPMENT_CATEGORIES)[number])).toBe(group);
      }
    }
  });
});
