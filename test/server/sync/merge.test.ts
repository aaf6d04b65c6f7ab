import { describe, expect, it } from 'vitest';
import { fieldsChangedSince, mergeChanges } from '../../../server/sync/merge';

describe('mergeChanges', () => {
  const current = { name: 'Siège', city: 'Versailles', notes: 'Badge', tags: ['a'] };
  const revisions = { name: 1, city: 3, notes: 2, tags: 1 };

  it('applies fields nobody changed since the base and keeps the server value of overlapping ones', () => {
    const outcome = mergeChanges(current, revisions, { name: 'Siège social', city: 'Nanterre' }, 2);
    expect(outcome.data).toEqual({ ...current, name: 'Siège social' });
    expect(outcome.appliedFields).toEqual(['name']);
    expect(outcome.conflicts).toEqual([
      { field: 'city', serverValue: 'Versailles', deviceValue: 'Nanterre' },
    ]);
  });

  it('sees no conflict when both sides wrote the same value, deep-equal included', () => {
    const outcome = mergeChanges(current, revisions, { city: 'Versailles', tags: ['a'] }, 0);
    expect(outcome).toEqual({ data: current, appliedFields: [], conflicts: [] });
  });

  it('adds new fields and reports a conflict on a field created concurrently', () => {
    const outcome = mergeChanges(current, revisions, { phone: '01 02 03 04 05' }, 3);
    expect(outcome.data['phone']).toBe('01 02 03 04 05');
    expect(
      mergeChanges({ ...current, phone: 'x' }, { ...revisions, phone: 4 }, { phone: 'y' }, 3)
        .conflicts,
    ).toHaveLength(1);
  });

  it('lists what a stale delete would throw away', () => {
    expect(fieldsChangedSince(current, revisions, 2)).toEqual([
      { field: 'city', serverValue: 'Versailles', deviceValue: null },
    ]);
    expect(fieldsChangedSince(current, revisions, 3)).toEqual([]);
  });
});
