import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BordereauDb } from '../../../renderer/db/database';
import { LATEST_STORES, SCHEMA_VERSIONS } from '../../../renderer/db/schema';

/** An index string as Dexie reads it: the primary key, then the other indexes in any order. */
function normalised(indexes: string): string {
  const [primary, ...others] = indexes.split(',').map((s) => s.trim());
  return [primary, ...others.sort()].join(', ');
}

function normalisedStores(stores: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(stores)
      .map(([table, indexes]) => [table, normalised(indexes)] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

describe('the local database schema', () => {
  it('amounts, version after version, to the tables and indexes the entity registry declares', () => {
    const cumulative: Record<string, string> = {};
    for (const v of SCHEMA_VERSIONS) {
      for (const [table, indexes] of Object.entries(v.stores)) {
        if (indexes === null) delete cumulative[table];
        else cumulative[table] = indexes;
      }
    }
    expect(normalisedStores(cumulative)).toEqual(normalisedStores(LATEST_STORES));
  });

  it('numbers its versions in increasing order', () => {
    const numbers = SCHEMA_VERSIONS.map((v) => v.version);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('opens with those tables and indexes in IndexedDB', async () => {
    const db = new BordereauDb(`schema-${Date.now()}`);
    await db.open();
    try {
      const opened = Object.fromEntries(
        db.tables.map((t) => [
          t.name,
          [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', '),
        ]),
      );
      expect(normalisedStores(opened)).toEqual(normalisedStores(LATEST_STORES));
    } finally {
      db.close();
      await db.delete();
    }
  });
});
