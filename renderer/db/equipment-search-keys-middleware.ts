import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import {
  chunkEntries,
  chunkEntryOf,
  chunkOf,
  clientOf,
  SEARCH_KEYS_TABLE,
} from './equipment-search-keys';
import type { ChunkEntry } from './equipment-search-keys';

/**
 * Arrays of records just created on this device (fresh ids), as handed to `bulkPut`: no
 * earlier version to look up. Put, not added: an add makes IndexedDB check that each key is
 * free, a read per record on disk (docs/benchmarks.md, Inventory on disk).
 */
const createdBatches = new WeakSet<readonly object[]>();

/** Marks `records` (the very array to be passed to bulkPut) as records never stored before. */
export function markCreated<T extends object>(records: readonly T[]): readonly T[] {
  createdBatches.add(records);
  return records;
}

/** Dexie's DBCoreRangeType.Any (a const enum, which isolated modules cannot import). */
const RANGE_ANY = 3;

type Stored = Record<string, unknown>;

/**
 * Per write transaction: the chunks read so far, changed in memory (each change starts from
 * the previous one's result), the clients whose chunk must be written, the chain that runs
 * the changes one after the other, and how many equipment writes are under way: an import
 * queues its batches without awaiting between them, and only the last one to finish writes
 * the chunks (once, instead of the growing chunk after every batch).
 */
interface TransactionState {
  chain: Promise<unknown>;
  chunks: Map<string, Map<string, ChunkEntry>>;
  dirty: Set<string>;
  writing: number;
}

const states = new WeakMap<DBCoreTransaction, TransactionState>();

function stateOf(trans: DBCoreTransaction): TransactionState {
  let state = states.get(trans);
  if (!state) {
    state = { chain: Promise.resolve(), chunks: new Map(), dirty: new Set(), writing: 0 };
    states.set(trans, state);
  }
  return state;
}

function storesOf(trans: DBCoreTransaction): DOMStringList | undefined {
  // DBCore's transaction is the IDBTransaction itself (dexie/src/dbcore/dbcore-indexeddb.ts).
  return (trans as unknown as Partial<IDBTransaction>).objectStoreNames;
}

/** False while an upgrade from before the keys' table runs (its v2 step rewrites equipment). */
function keysStoreIn(trans: DBCoreTransaction): boolean {
  return storesOf(trans)?.contains(SEARCH_KEYS_TABLE) ?? false;
}

interface Change {
  readonly put: readonly Stored[];
  readonly removed: readonly Stored[];
}

/** Runs after the transaction's earlier changes; a failure fails the write that caused it. */
function chained(state: TransactionState, step: () => Promise<void>): Promise<void> {
  const run = state.chain.then(step);
  state.chain = run.catch(() => undefined);
  return run;
}

/** Applies a change to the in-memory chunks of the clients it touches. */
function applyToChunks(
  keys: DBCoreTable,
  trans: DBCoreTransaction,
  state: TransactionState,
  change: Change,
): Promise<void> {
  return chained(state, async () => {
    const touched = new Set([...change.put, ...change.removed].map(clientOf));
    const unread = [...touched].filter((c) => !state.chunks.has(c));
    if (unread.length > 0) {
      const stored = (await keys.getMany({ trans, keys: unread })) as unknown[];
      unread.forEach((c, i) => state.chunks.set(c, chunkEntries(stored[i])));
    }
    for (const r of change.removed) state.chunks.get(clientOf(r))!.delete(String(r.id));
    for (const r of change.put) state.chunks.get(clientOf(r))!.set(String(r.id), chunkEntryOf(r));
    for (const c of touched) state.dirty.add(c);
  });
}

/** Writes the changed chunks (an emptied one is deleted). */
function writeChunks(keys: DBCoreTable, trans: DBCoreTransaction, state: TransactionState) {
  return chained(state, async () => {
    const dirty = [...state.dirty];
    state.dirty.clear();
    const empty = dirty.filter((c) => state.chunks.get(c)!.size === 0);
    const kept = dirty.filter((c) => state.chunks.get(c)!.size > 0);
    await Promise.all([
      kept.length > 0 &&
        keys.mutate({
          type: 'put',
          trans,
          values: kept.map((c) => chunkOf(c, state.chunks.get(c)!)),
        }),
      empty.length > 0 && keys.mutate({ type: 'delete', trans, keys: empty }),
    ]);
  });
}

/** The records a key-range delete is about to remove (all of them: only clear() is common). */
async function inRange(
  table: DBCoreTable,
  req: Extract<DBCoreMutateRequest, { type: 'deleteRange' }>,
): Promise<Stored[]> {
  const found = await table.query({
    trans: req.trans,
    values: true,
    query: { index: table.schema.primaryKey, range: req.range },
  });
  return found.result as Stored[];
}

async function mutate(
  down: DBCore,
  table: DBCoreTable,
  req: DBCoreMutateRequest,
): Promise<DBCoreMutateResponse> {
  // During an upgrade, the core may predate the keys' table: its own upgrade fills it.
  if (!keysStoreIn(req.trans) || !down.schema.tables.some((t) => t.name === SEARCH_KEYS_TABLE))
    return table.mutate(req);
  const keys = down.table(SEARCH_KEYS_TABLE);
  const state = stateOf(req.trans);
  state.writing++;
  try {
    const res = await mutateAndApply(keys, table, req, state);
    // The last write under way writes the chunks; its caller (and so the transaction) waits.
    if (state.writing === 1) await writeChunks(keys, req.trans, state);
    return res;
  } finally {
    state.writing--;
  }
}

async function mutateAndApply(
  keys: DBCoreTable,
  table: DBCoreTable,
  req: DBCoreMutateRequest,
  state: TransactionState,
): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  switch (req.type) {
    case 'add': {
      // New records (an import's creations): no earlier version to take out of a chunk.
      const res = await table.mutate(req);
      // A bulkAdd's failed items (an existing id) were not written.
      const put = (req.values as Stored[]).filter((_, i) => !res.failures[i]);
      await applyToChunks(keys, trans, state, { put, removed: [] });
      return res;
    }
    case 'put': {
      // The versions replaced: an item moved to another client leaves its former chunk.
      const ids = (req.values as Stored[]).map((r) => r.id);
      const old = createdBatches.has(req.values)
        ? []
        : ((await table.getMany({ trans, keys: ids })) as (Stored | undefined)[]);
      const res = await table.mutate(req);
      const put = (req.values as Stored[]).filter((_, i) => !res.failures[i]);
      const removed = old.filter(
        (r, i): r is Stored =>
          r !== undefined && !res.failures[i] && clientOf(r) !== clientOf(req.values[i] as Stored),
      );
      await applyToChunks(keys, trans, state, { put, removed });
      return res;
    }
    case 'delete': {
      const old = (await table.getMany({ trans, keys: req.keys })) as (Stored | undefined)[];
      const res = await table.mutate(req);
      const removed = old.filter((r): r is Stored => r !== undefined);
      await applyToChunks(keys, trans, state, { put: [], removed });
      return res;
    }
    case 'deleteRange': {
      if (req.range.type === RANGE_ANY) {
        // clear(): every chunk goes too, and the changes not yet written with them.
        const res = await table.mutate(req);
        await chained(state, async () => {
          await keys.mutate({ type: 'deleteRange', trans, range: req.range });
          state.chunks.clear();
          state.dirty.clear();
        });
        return res;
      }
      const removed = await inRange(table, req);
      const res = await table.mutate(req);
      await applyToChunks(keys, trans, state, { put: [], removed });
      return res;
    }
  }
}

/**
 * Keeps the equipment's search keys (equipment-search-keys.ts) current in the same
 * transaction as every write to the equipment table, whatever writes it (the app, sync,
 * restore, demo data): every read-write transaction on `equipment` also covers the keys'
 * table. Placed below Dexie's own layers (level -2), so the keys' writes are not reported
 * as changes of their own.
 */
export const equipmentSearchKeysMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'EquipmentSearchKeys',
  level: -2,
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) =>
      down.transaction(
        mode === 'readwrite' &&
          stores.includes('equipment') &&
          !stores.includes(SEARCH_KEYS_TABLE) &&
          down.schema.tables.some((t) => t.name === SEARCH_KEYS_TABLE)
          ? [...stores, SEARCH_KEYS_TABLE]
          : stores,
        mode,
        options,
      ),
    table: (name) => {
      const table = down.table(name);
      if (name !== 'equipment') return table;
      return { ...table, mutate: (req) => mutate(down, table, req) };
    },
  }),
};
