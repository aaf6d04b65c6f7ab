import Dexie, { RangeSet } from 'dexie';
import type { IntervalTree, ObservabilitySet } from 'dexie';
import type { EquipmentSearchIndex } from '../../shared/inventory/search-index';
import { matchesQuery, matchRank, queryTerms } from '../../shared/inventory/search-key';
import type { BordereauDb, StoredEquipment } from './database';
import { indexFromChunks } from './equipment-search-keys';

export interface SearchOptions {
  /** Most results returned (the list shows the first ones; typing more narrows it). */
  readonly limit?: number;
}

/** Index hits read per term when a query has several words. */
const KEYS_PER_TERM = 5_000;

/**
 * One in-memory index per open database, loaded on first use from the persisted search keys
 * and kept current from Dexie's change notifications (this tab's writes and other tabs'): the
 * records a write names are read again; a write too large to be named record by record (an
 * import, a sync page) has the index rebuilt at the next search.
 */
interface LiveIndex {
  index: EquipmentSearchIndex | null;
  building: Promise<EquipmentSearchIndex> | null;
  /** Ids to read again before the next search, or 'all'. */
  stale: Set<string> | 'all';
  /**
   * The records the last searches read, while no equipment is written: typing one more
   * character mostly shows records the previous keystroke read already, so the keystroke
   * needs no database read (each costs a round trip to the browser's storage process, the
   * slowest part of a search under load). Emptied by every write to the table.
   */
  records: Map<string, StoredEquipment>;
  /** Counts the table's writes: a read begun before one must not fill `records`. */
  writes: number;
}

/** Records kept for the next keystrokes, at most (a few searches' worth). */
const KEPT_RECORDS = 2_000;

const live = new WeakMap<BordereauDb, LiveIndex>();

function stateOf(db: BordereauDb): LiveIndex {
  let state = live.get(db);
  if (!state) {
    const created: LiveIndex = {
      index: null,
      building: null,
      stale: new Set(),
      records: new Map(),
      writes: 0,
    };
    state = created;
    live.set(db, state);
    const part = `idb://${db.name}/equipment/`;
    const onChange = (parts: ObservabilitySet) => {
      for (const key of [part, `${part}:dels`]) {
        const tree = parts[key];
        if (!tree) continue;
        markStale(created, tree);
        created.writes++;
        created.records.clear();
      }
    };
    Dexie.on('storagemutated', onChange);
    db.on('close', () => Dexie.on('storagemutated').unsubscribe(onChange));
  }
  return state;
}

function markStale(state: LiveIndex, tree: IntervalTree): void {
  if (state.stale === 'all') return;
  for (const range of new RangeSet().add(tree)) {
    if (range.from !== range.to || typeof range.from !== 'string') {
      state.stale = 'all';
      return;
    }
    state.stale.add(range.from);
  }
}

/**
 * The index from the persisted search keys: one read of one record per client
 * (equipment-search-keys.ts), where reading every equipment record took seconds on disk.
 */
async function build(db: BordereauDb): Promise<EquipmentSearchIndex> {
  return indexFromChunks(await db.equipmentSearchKeys.toArray());
}

const staleOf = (state: LiveIndex): LiveIndex['stale'] => state.stale;

/** The database's search index, current with its writes (built on first use). */
export async function equipmentSearchIndex(db: BordereauDb): Promise<EquipmentSearchIndex> {
  const state = stateOf(db);
  for (;;) {
    if (state.stale === 'all' || (!state.index && !state.building)) {
      state.stale = new Set();
      state.index = null;
      const building = build(db);
      state.building = building;
      void building.then(
        (index) => {
          // A later rebuild (a large write meanwhile) supersedes this one.
          if (state.building === building) [state.index, state.building] = [index, null];
        },
        () => {
          if (state.building === building) state.building = null;
        },
      );
    }
    const index = state.index ?? (await state.building!);
    // Read afresh: a write may have marked everything stale while this awaited.
    const stale = staleOf(state);
    if (stale === 'all') continue;
    if (stale.size > 0) {
      const ids = [...stale];
      stale.clear();
      const records = await db.equipment.bulkGet(ids);
      records.forEach((r, i) => (r ? index.put(r.id, r) : index.remove(ids[i]!)));
    }
    if (staleOf(state) !== 'all') return index;
  }
}

/**
 * Search across every client, through the in-memory index (EquipmentSearchIndex: any part
 * of a serial number, the start of an asset tag, hostname or user's word). One word: its
 * hits, up to the limit. Several words: first as one value ("mai-pc01" is the hostname
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
  const index = await equipmentSearchIndex(db);
  let ids: string[];
  if (terms.length === 1) {
    ids = index.find(terms[0]!, limit);
  } else {
    ids = index.find(terms.join(''), limit);
    if (ids.length === 0) {
      // A word with no hit (a model: not indexed) is left to the in-memory filter below.
      const perTerm = terms
        .map((t) => index.find(t, KEYS_PER_TERM))
        .filter((keys) => keys.length > 0);
      const [first = [], ...others] = perTerm.sort((a, b) => a.length - b.length);
      const sets = others.map((keys) => new Set(keys));
      const wanted = perTerm.length === terms.length ? limit : limit * 10;
      ids = first.filter((id) => sets.every((set) => set.has(id))).slice(0, wanted);
    }
  }
  // An id twice (a record moved between clients' keys) is read once.
  const records = await recordsOf(db, [...new Set(ids)]);
  return records
    .filter((r) => matchesQuery(r, terms))
    .map((r) => ({ r, rank: matchRank(r, terms) }))
    .sort((a, b) => a.rank - b.rank || a.r.serialNumber.localeCompare(b.r.serialNumber))
    .slice(0, limit)
    .map((x) => x.r);
}

/** The records of `ids` (those that exist), read from the database only if not kept. */
async function recordsOf(db: BordereauDb, ids: readonly string[]): Promise<StoredEquipment[]> {
  const state = stateOf(db);
  const kept = state.records;
  const found = new Map<string, StoredEquipment>();
  const missing: string[] = [];
  for (const id of ids) {
    const r = kept.get(id);
    if (r) found.set(id, r);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const writes = state.writes;
    const read = await db.equipment.bulkGet(missing);
    // A write meanwhile may have changed what was read: used for this answer, not kept.
    const keep = writes === state.writes;
    if (keep && kept.size + missing.length > KEPT_RECORDS) kept.clear();
    for (const r of read) {
      if (!r) continue;
      found.set(r.id, r);
      if (keep) kept.set(r.id, r);
    }
  }
  return ids.flatMap((id) => found.get(id) ?? []);
}
