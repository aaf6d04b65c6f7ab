import { describe, expect, it } from 'vitest';
import { EquipmentSearchIndex } from '../../../shared/inventory/search-index';
import { equipmentTokens, searchKey } from '../../../shared/inventory/search-key';
import type { SearchableEquipment } from '../../../shared/inventory/search-key';
import { generateDemoData } from '../../../shared/seed/demo-data';

const NOW = Date.UTC(2026, 10, 23, 9);

/** What the multi-entry token index found: a token starting with the term. */
function byTokens(items: readonly (SearchableEquipment & { id: string })[]) {
  const tokens = items.map((e) => ({ id: e.id, tokens: equipmentTokens(e) }));
  return (term: string) =>
    tokens
      .filter((e) => e.tokens.some((t) => t.startsWith(term)))
      .map((e) => e.id)
      .sort();
}

describe('EquipmentSearchIndex', () => {
  const data = generateDemoData({ seed: 7, clientCount: 6, equipmentPerClient: 400, now: NOW });
  const items = data.equipment;

  it('finds exactly what the search-token index found, for every kind of term', () => {
    const index = new EquipmentSearchIndex();
    for (const e of items) index.put(e.id, e);
    const terms = new Set<string>(['A', 'Z', '0', '99', 'PC', 'XYZ', 'NOTHERE']);
    for (const e of items.slice(0, 40)) {
      const serial = searchKey(e.serialNumber);
      for (let i = 0; i < serial.length; i++) {
        terms.add(serial.slice(i, i + 3));
        terms.add(serial.slice(i));
      }
      terms.add(searchKey(e.assetTag).slice(0, 4));
      terms.add(searchKey(e.hostname));
      for (const w of e.assignedUser.split(' ')) terms.add(searchKey(w).slice(0, 3));
    }
    terms.delete('');
    const expected = byTokens(items);
    for (const term of terms) {
      expect([...index.find(term, Infinity)].sort(), term).toEqual(expected(term));
    }
  });

  it('keeps the answers right through updates, removals and compaction', () => {
    const index = new EquipmentSearchIndex();
    for (const e of items) index.put(e.id, e);
    const current = new Map(items.map((e) => [e.id, e]));
    // Rewrite every record twice (enough dead entries to compact), and remove some.
    for (let round = 0; round < 2; round++) {
      for (const [i, e] of items.entries()) {
        const next = { ...e, serialNumber: `R${round}X${i}`, assignedUser: `User${round} Nom${i}` };
        index.put(e.id, next);
        current.set(e.id, next);
      }
    }
    for (const e of items.slice(0, 50)) {
      index.remove(e.id);
      current.delete(e.id);
    }
    expect(index.size).toBe(items.length - 50);
    const expected = byTokens([...current.entries()].map(([id, e]) => ({ ...e, id })));
    for (const term of ['R1X', 'R0X', 'R1X12', 'USER1', 'NOM7', 'X10', String(items.length - 1)]) {
      expect([...index.find(term, Infinity)].sort(), term).toEqual(expected(term));
    }
    expect(index.find('R1X', 10)).toHaveLength(10);
  });
});
