import { describe, expect, it } from 'vitest';
import {
  blockPartsOf,
  EquipmentSearchIndex,
  searchKeysOf,
} from '../../../shared/inventory/search-index';
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

  it('loads blocks in its own text format with the same answers, then follows updates', () => {
    const block = (records: typeof items) => {
      const parts = records.map((e) => blockPartsOf(searchKeysOf(e)));
      return {
        ids: records.map((e) => e.id).join('\n'),
        serials: parts.map((p) => p.serial).join(''),
        words: parts.map((p) => p.words).join(''),
      };
    };
    const index = new EquipmentSearchIndex();
    const damaged = { ...block(items.slice(0, 5)), serials: 'ABC\n' };
    const skipped = index.load([
      block(items.slice(0, 1_000)),
      { ids: '', serials: '', words: '' },
      damaged,
      block(items.slice(1_000)),
    ]);
    expect(skipped).toEqual([2]);
    expect(index.size).toBe(items.length);
    const expected = byTokens(items);
    for (const term of ['A', '0', 'PC', '99', searchKey(items[1_500]!.serialNumber).slice(3)]) {
      expect([...index.find(term, Infinity)].sort(), term).toEqual(expected(term));
    }
    const changed = { ...items[1_200]!, serialNumber: 'NEW-123-XYZ' };
    index.put(changed.id, changed);
    index.remove(items[3]!.id);
    const after = items
      .filter((e) => e.id !== items[3]!.id)
      .map((e) => (e.id === changed.id ? changed : e));
    for (const term of [
      'NEW123',
      '123XYZ',
      searchKey(items[1_200]!.serialNumber),
      searchKey(items[3]!.serialNumber),
    ]) {
      expect([...index.find(term, Infinity)].sort(), term).toEqual(byTokens(after)(term));
    }
  });

  it('answers a term typed character by character as a fresh search, limits included', () => {
    const typing = new EquipmentSearchIndex();
    const fresh = new EquipmentSearchIndex();
    for (const e of items) {
      typing.put(e.id, e);
      fresh.put(e.id, e);
    }
    const words = items
      .slice(0, 60)
      .flatMap((e) => [
        searchKey(e.serialNumber).slice(2),
        searchKey(e.assetTag),
        searchKey(e.hostname),
        searchKey(e.assignedUser.split(' ').pop() ?? ''),
      ]);
    // Any change makes an index forget its earlier answers: this one scans every time.
    const blank = { serialNumber: '', assetTag: '', hostname: '', model: '', assignedUser: '' };
    const scanned = (term: string, limit: number) => {
      fresh.put('forget', blank);
      fresh.remove('forget');
      return fresh.find(term, limit);
    };
    let narrowedAnswers = 0;
    for (const [i, word] of words.entries()) {
      const limit = [1, 5, 50, 5_000, Infinity][i % 5]!;
      for (let k = 1; k <= word.length; k++) {
        const term = word.slice(0, k);
        const answer = typing.find(term, limit);
        expect(answer, `${term} (limit ${limit})`).toEqual(scanned(term, limit));
        if (answer.length > 0 && k > 3) narrowedAnswers++;
      }
    }
    expect(narrowedAnswers).toBeGreaterThan(100);
  });

  it('forgets earlier answers when a record changes between keystrokes', () => {
    const index = new EquipmentSearchIndex();
    for (const e of items) index.put(e.id, e);
    expect(index.find('QQ7', 50)).toEqual([]);
    index.put(items[10]!.id, { ...items[10]!, serialNumber: 'QQ7-001' });
    expect(index.find('QQ70', 50)).toEqual([items[10]!.id]);
    index.remove(items[10]!.id);
    expect(index.find('QQ700', 50)).toEqual([]);
    index.put(items[11]!.id, { ...items[11]!, assignedUser: 'Anne Qq7001' });
    expect(index.find('QQ7001', 50)).toEqual([items[11]!.id]);
  });
});
