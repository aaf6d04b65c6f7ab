import { matchesQuery, matchRank, queryTerms } from '../../shared/inventory/search-key';
import type { BordereauDb, StoredEquipment } from './database';

export interface SearchOptions {
  /** Most results returned (the list shows the first ones; typing more narrows it). */
  readonly limit?: number;
}

/** Index hits read per term when a query has several words. */
const KEYS_PER_TERM = 5_000;

function prefixKeys(db: BordereauDb, prefix: string, limit: number): Promise<string[]> {
  return db.equipment.where('searchTokens').startsWith(prefix).limit(limit).primaryKeys();
}

/**
 * Search across every client, through the multi-entry index of search tokens (serial numbers
 * are indexed with all their suffixes, so any part of them matches). One word: its prefix
 * hits, read up to the limit. Several words: first as one value ("mai-pc01" is the hostname
 * MAI-PC01), else the hits of each word intersected, so only matching records are read.
 * Results with the query in the serial number come first.
 */
export async function searchEquipment(
  db: BordereauDb,
  query: string,
  options: SearchOptions = {},
): Promise<StoredEquipment[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const limit = options.limit ?? 50;
  let ids: string[];
  if (terms.length === 1) {
    ids = [...new Set(await prefixKeys(db, terms[0]!, limit * 3))].slice(0, limit);
  } else {
    ids = [...new Set(await prefixKeys(db, terms.join(''), limit * 3))].slice(0, limit);
    if (ids.length === 0) {
      // A word with no hit (a model: not indexed) is left to the in-memory filter below.
      const perTerm = (
        await Promise.all(terms.map((t) => prefixKeys(db, t, KEYS_PER_TERM)))
      ).filter((keys) => keys.length > 0);
      const [first = [], ...others] = perTerm.sort((a, b) => a.length - b.length);
      const sets = others.map((keys) => new Set(keys));
      const wanted = perTerm.length === terms.length ? limit : limit * 10;
      ids = [...new Set(first)].filter((id) => sets.every((set) => set.has(id))).slice(0, wanted);
    }
  }
  const records = (await db.equipment.bulkGet(ids)).filter(
    (r): r is StoredEquipment => r !== undefined,
  );
  return records
    .filter((r) => matchesQuery(r, terms))
    .map((r) => ({ r, rank: matchRank(r, terms) }))
    .sort((a, b) => a.rank - b.rank || a.r.serialNumber.localeCompare(b.r.serialNumber))
    .slice(0, limit)
    .map((x) => x.r);
}
