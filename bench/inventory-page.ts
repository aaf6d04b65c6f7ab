/**
 * Browser side of bench/inventory.bench.ts: bundled by esbuild and injected into the built
 * app in Chromium. Every figure is measured beside a raw-IndexedDB baseline holding the same
 * records with the same indexes, in the same page and run.
 */
import { uuidv7 } from 'uuidv7';
import { putRecords } from '../renderer/db/changes';
import { BordereauDb } from '../renderer/db/database';
import type { StoredEquipment } from '../renderer/db/database';
import { importEquipment } from '../renderer/db/equipment-import';
import { equipmentIndexFields } from '../renderer/db/equipment-index';
import { chunkEntryOf } from '../renderer/db/equipment-search-keys';
import { equipmentSearchIndex, searchEquipment } from '../renderer/db/equipment-search';
import { countEquipmentByClient, listEquipment } from '../renderer/db/repositories/equipment';
import { guessMapping } from '../shared/inventory/csv/columns';
import { resolveChoices } from '../shared/inventory/csv/import-analysis';
import { planImportBatches } from '../shared/inventory/csv/import-plan';
import type { AcceptedRow } from '../shared/inventory/csv/import-plan';
import { equipmentToCsv } from '../shared/inventory/csv/export';
import { parseCsv } from '../shared/inventory/csv/parse';
import { filterEquipment, NO_FILTER } from '../shared/inventory/equipment-filter';
import { equipmentTokens } from '../shared/inventory/search-key';
import { generateDemoData } from '../shared/seed/demo-data';

const RAW_DB = 'bench-raw-inventory';
/** Results shown by the global search page. */
const LIMIT = 50;
const NOW = Date.UTC(2026, 10, 23, 9);

type Stats = { median: number; p95: number; max: number; n: number };

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1]!, n: s.length };
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

async function openRaw(): Promise<IDBDatabase> {
  await request(indexedDB.deleteDatabase(RAW_DB));
  const open = indexedDB.open(RAW_DB, 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    // The same indexes as the app's equipment table (renderer/db/schema.ts, v4), plus an outbox.
    const store = db.createObjectStore('equipment', { keyPath: 'id' });
    store.createIndex('clientId', 'clientId');
    db.createObjectStore('outbox', { autoIncrement: true });
    // The search baseline: schema v2's multi-entry token index, the fastest IndexedDB can
    // answer a search as you type (not written by the timed imports).
    const tokens = db.createObjectStore('tokens', { keyPath: 'id' });
    tokens.createIndex('searchTokens', 'searchTokens', { multiEntry: true });
  };
  return request(open);
}

/**
 * How the raw baseline queues the records' creations: one outbox row per record (the app's
 * layout before creation batches), or one row per 1,000 records as the app writes an import
 * now (renderer/db/outbox-row.ts).
 */
type RawOutbox = 'per-record' | 'batched';

/**
 * Puts the records as stored (index fields included) and, when given, their creations with
 * each record as synced (without them), as `putRecords` writes them.
 */
async function rawBulkPut(
  raw: IDBDatabase,
  records: readonly { id: string }[],
  synced: readonly object[] | null,
  durability?: IDBTransactionDurability,
  layout: RawOutbox = 'per-record',
): Promise<void> {
  const tx = raw.transaction(['equipment', 'outbox'], 'readwrite', durability && { durability });
  const store = tx.objectStore('equipment');
  const outbox = tx.objectStore('outbox');
  records.forEach((r, i) => {
    store.put(r);
    if (synced && layout === 'per-record')
      outbox.add({
        entity: 'equipment',
        recordId: r.id,
        op: 'upsert',
        baseRevision: null,
        changes: synced[i],
        at: NOW,
      });
  });
  if (synced && layout === 'batched') {
    for (let i = 0; i < records.length; i += 1_000) {
      outbox.add({
        entity: 'equipment',
        at: NOW,
        created: records
          .slice(i, i + 1_000)
          .map((r, j) => ({ mutationId: i + j + 1, recordId: r.id, changes: synced[i + j] })),
      });
    }
  }
  await done(tx);
}

let app: BordereauDb;
let raw: IDBDatabase;
let data: ReturnType<typeof generateDemoData>;

/** 500 clients, 100,000 items: the first client has 2,000, the others share the rest. */
async function seed(
  clientCount: number,
  total: number,
  bigClient: number,
): Promise<{ seconds: number; equipment: number; bigClientId: string }> {
  const started = performance.now();
  const rest = Math.floor((total - bigClient) / (clientCount - 1));
  const counts = Array.from({ length: clientCount }, (_, i) =>
    i === 0 ? bigClient : i === 1 ? total - bigClient - rest * (clientCount - 2) : rest,
  );
  data = generateDemoData({ seed: 2026, clientCount, equipmentPerClient: counts, now: NOW });
  app = new BordereauDb();
  await app.open();
  await Promise.all(app.tables.map((t) => t.clear()));
  await putRecords(app, 'clients', data.clients, { origin: 'server' });
  await putRecords(app, 'sites', data.sites, { origin: 'server' });
  await putRecords(app, 'contacts', data.contacts, { origin: 'server' });
  for (let i = 0; i < data.equipment.length; i += 20_000) {
    await putRecords(app, 'equipment', data.equipment.slice(i, i + 20_000), { origin: 'server' });
  }
  raw = await openRaw();
  const stored = data.equipment.map((e) => ({ ...e, ...equipmentIndexFields(e) }));
  for (let i = 0; i < stored.length; i += 20_000)
    await rawBulkPut(raw, stored.slice(i, i + 20_000), null);
  for (let i = 0; i < data.equipment.length; i += 20_000) {
    const tx = raw.transaction('tokens', 'readwrite');
    for (const e of data.equipment.slice(i, i + 20_000))
      tx.objectStore('tokens').put({ id: e.id, searchTokens: equipmentTokens(e) });
    await done(tx);
  }
  return {
    seconds: (performance.now() - started) / 1000,
    equipment: await app.equipment.count(),
    bigClientId: data.clients[0]!.id,
  };
}

/** Keystrokes of technicians typing part of a serial number, an asset tag, a user, a host. */
function keystrokes(count: number): string[] {
  const typed: string[] = [];
  const pick = (i: number) => data.equipment[(i * 7919) % data.equipment.length]!;
  for (let i = 0; i < count; i++) {
    const e = pick(i);
    const source = [
      e.serialNumber.slice(3, 9),
      e.assetTag,
      e.assignedUser.split(' ').pop() ?? '',
      e.hostname,
    ][i % 4]!.toLowerCase();
    for (let k = 1; k <= Math.min(source.length, 7); k++) typed.push(source.slice(0, k));
  }
  return typed;
}

async function rawSearch(q: string, limit: number): Promise<number> {
  const tx = raw.transaction(['equipment', 'tokens'], 'readonly');
  const store = tx.objectStore('equipment');
  const key = q
    .toUpperCase()
    .normalize('NFD')
    .replace(/[^0-9A-Z]/g, '');
  if (key === '') return 0;
  // The same plan as searchEquipment for one term: keys by prefix, the first distinct records.
  const ids = await request(
    tx
      .objectStore('tokens')
      .index('searchTokens')
      .getAllKeys(IDBKeyRange.bound(key, `${key}\uffff`), limit * 3),
  );
  const unique = [...new Set(ids as string[])].slice(0, limit);
  const records = await Promise.all(unique.map((id) => request(store.get(id))));
  return records.length;
}

async function search(keystrokeCount: number) {
  const typed = keystrokes(keystrokeCount);
  const ours: number[] = [];
  const base: number[] = [];
  for (const q of typed.slice(0, 20)) {
    await searchEquipment(app, q, { limit: LIMIT });
    await rawSearch(q, LIMIT);
  }
  let found = 0;
  for (const q of typed) {
    let t = performance.now();
    found += (await searchEquipment(app, q, { limit: LIMIT })).length;
    ours.push(performance.now() - t);
    t = performance.now();
    await rawSearch(q, LIMIT);
    base.push(performance.now() - t);
  }
  return { keystrokes: typed.length, found, ours: stats(ours), raw: stats(base) };
}

/**
 * A kept profile (BENCH_PROFILE), seeded by an earlier run: the same data regenerated (same
 * seed) and both databases opened as they are.
 */
async function attach(clientCount: number, total: number, bigClient: number): Promise<void> {
  const rest = Math.floor((total - bigClient) / (clientCount - 1));
  const counts = Array.from({ length: clientCount }, (_, i) =>
    i === 0 ? bigClient : i === 1 ? total - bigClient - rest * (clientCount - 2) : rest,
  );
  data = generateDemoData({ seed: 2026, clientCount, equipmentPerClient: counts, now: NOW });
  app = new BordereauDb();
  await app.open();
  raw = await request(indexedDB.open(RAW_DB, 1));
}

/** The first page of a client's items: what the client page shows before the whole list. */
const FIRST_PAGE = 50;

async function openClientData(clientId: string, runs: number) {
  const ours: number[] = [];
  const base: number[] = [];
  const first: number[] = [];
  let rows = 0;
  let firstRows = 0;
  for (let i = 0; i < runs + 2; i++) {
    let t = performance.now();
    firstRows = (await app.equipment.where('clientId').equals(clientId).limit(FIRST_PAGE).toArray())
      .length;
    if (i >= 2) first.push(performance.now() - t);
    t = performance.now();
    const items = filterEquipment(await listEquipment(app, clientId), NO_FILTER, '2026-11-23');
    const a = performance.now() - t;
    rows = items.length;
    t = performance.now();
    const tx = raw.transaction('equipment', 'readonly');
    await request(tx.objectStore('equipment').index('clientId').getAll(clientId));
    const b = performance.now() - t;
    if (i >= 2) {
      ours.push(a);
      base.push(b);
    }
  }
  return { rows, firstRows, first: stats(first), ours: stats(ours), raw: stats(base) };
}

/** Time from the navigation to the client's page until its first inventory row is on screen. */
async function openClientScreen(clientId: string, runs: number) {
  const first: number[] = [];
  const whole: number[] = [];
  const shown = (selector: string) =>
    new Promise<void>((resolve) => {
      const check = () =>
        document.querySelector(selector) ? resolve() : requestAnimationFrame(check);
      check();
    });
  for (let i = 0; i < runs + 1; i++) {
    location.hash = '#/parametres';
    await new Promise((r) => setTimeout(r, 300));
    const started = performance.now();
    location.hash = `#/clients/${clientId}`;
    await shown('[role="row"][data-index="0"]');
    const a = performance.now() - started;
    // The whole list is in once the count stops saying it is loading the rest.
    await shown('[data-testid="inventory-count"]:not([aria-busy="true"])');
    const b = performance.now() - started;
    if (i >= 1) {
      first.push(a);
      whole.push(b);
    }
  }
  return { first: stats(first), whole: stats(whole) };
}

/**
 * A new client of `rows` items, stored with its sites (as pulled from the office), and its
 * inventory as the CSV file an import reads; the items themselves are not stored.
 */
async function newClientFile(seed: number, rows: number) {
  const fresh = generateDemoData({ seed, clientCount: 1, equipmentPerClient: rows, now: NOW });
  const client = fresh.clients[0]!;
  await putRecords(app, 'clients', [client], { origin: 'server' });
  await putRecords(app, 'sites', fresh.sites, { origin: 'server' });
  const text = equipmentToCsv(fresh.equipment, new Map(fresh.sites.map((s) => [s.id, s.name])));
  return { fresh, client, text };
}

async function importRows(rows: number, runs: number) {
  const ours: number[] = [];
  const base: number[] = [];
  const batched: number[] = [];
  for (let run = 0; run < runs; run++) {
    const { fresh, client, text } = await newClientFile(9000 + run, rows);
    // Baselines: the same records as stored (index fields included) with the same creations
    // (the record as synced: without the index fields), one outbox row per record and one per
    // 1,000 records.
    const synced = fresh.equipment.map((e) => ({ ...e, id: `${e.id}-raw` }));
    const same = synced.map((e) => ({ ...e, ...equipmentIndexFields(e) }));
    const timeOurs = async () => {
      const t = performance.now();
      const csv = parseCsv(text);
      if (!csv.ok) throw new Error(csv.message);
      const result = await importEquipment(app, client.id, csv, {
        mapping: guessMapping(csv.headers),
      });
      ours.push(performance.now() - t);
      if (result.imported.length !== rows)
        throw new Error(
          `import: ${result.imported.length}/${rows}, ${JSON.stringify(result.rejected.slice(0, 3))}`,
        );
    };
    const timeRaw = async (layout: RawOutbox) => {
      const records = same.map((e) => ({ ...e, id: `${e.id}-${layout}` }));
      const t = performance.now();
      await rawBulkPut(raw, records, synced, undefined, layout);
      (layout === 'batched' ? batched : base).push(performance.now() - t);
    };
    // Alternate which goes first, so neither always pays for the other's garbage.
    if (run % 2 === 0) {
      await timeOurs();
      await timeRaw('per-record');
      await timeRaw('batched');
    } else {
      await timeRaw('batched');
      await timeRaw('per-record');
      await timeOurs();
    }
  }
  return { rows, ours: stats(ours), raw: stats(base), rawBatched: stats(batched) };
}

/**
 * Where an import of `rows` rows spends its time, phase by phase, each phase alone on a fresh
 * client (the same work importEquipment does, taken apart): reading the file, the mapping
 * step's guesses, the plan (validation, matching), building the records and outbox entries,
 * computing their search keys, and the write itself through Dexie (with the keys'
 * middleware) beside the raw write of the same records. Medians of `runs`.
 */
async function importPhases(rows: number, runs: number) {
  const phases: Record<string, number[]> = {
    parse: [],
    choices: [],
    plan: [],
    records: [],
    searchKeys: [],
    dexieWrite: [],
    rawWrite: [],
    // The same records with their creations one outbox row per 1,000 (as the app now writes).
    rawBatched: [],
    // The same raw write with an explicit durability hint: which one the default is here.
    rawRelaxed: [],
    rawStrict: [],
  };
  for (let run = 0; run < runs; run++) {
    const { fresh, client, text } = await newClientFile(9500 + run, rows);
    const time = <T>(phase: string, work: () => T): T => {
      const t = performance.now();
      const result = work();
      phases[phase]!.push(performance.now() - t);
      return result;
    };
    const csv = time('parse', () => parseCsv(text));
    if (!csv.ok) throw new Error(csv.message);
    const resolved = time('choices', () =>
      resolveChoices(csv, { mapping: guessMapping(csv.headers) }),
    );
    const accepted = time('plan', () => {
      const all: AcceptedRow[] = [];
      const context = { clientId: client.id, sites: fresh.sites, existing: [] };
      for (const batch of planImportBatches(csv, resolved.mapping, context, 1_000, {
        dateOrder: resolved.dateOrder,
        values: resolved.values,
      }))
        all.push(...batch.accepted);
      return all;
    });
    const records = time('records', () =>
      accepted.map((row) => {
        if (row.kind !== 'new') throw new Error('phases: a fresh client has only new rows');
        return { ...row.draft, id: uuidv7(), revision: null, updatedAt: NOW };
      }),
    );
    time('searchKeys', () => records.map((r) => chunkEntryOf(r)));
    const stored = records.map((e) => ({ ...e, id: `${e.id}-raw`, ...equipmentIndexFields(e) }));
    const dexie = async () => {
      const t = performance.now();
      await putRecords(app, 'equipment', records, { created: true, now: NOW });
      phases.dexieWrite!.push(performance.now() - t);
    };
    const bare = async () => {
      const t = performance.now();
      await rawBulkPut(raw, stored, records);
      phases.rawWrite!.push(performance.now() - t);
    };
    const bareBatched = async () => {
      const copy = stored.map((e) => ({ ...e, id: `${e.id}-batched` }));
      const t = performance.now();
      await rawBulkPut(raw, copy, records, undefined, 'batched');
      phases.rawBatched!.push(performance.now() - t);
    };
    if (run % 2 === 0) {
      await dexie();
      await bare();
      await bareBatched();
    } else {
      await bareBatched();
      await bare();
      await dexie();
    }
    for (const durability of ['relaxed', 'strict'] as const) {
      const copy = stored.map((e) => ({ ...e, id: `${e.id}-${durability}` }));
      const t = performance.now();
      await rawBulkPut(raw, copy, records, durability);
      phases[durability === 'relaxed' ? 'rawRelaxed' : 'rawStrict']!.push(performance.now() - t);
    }
  }
  return Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, stats(v).median]));
}

/**
 * The client list's item counts: as ClientsPage reads them today (every key of the clientId
 * index through a cursor), and one count per client (countEquipmentByClient).
 */
async function countByClient(runs: number) {
  const cursor: number[] = [];
  const perClient: number[] = [];
  const ids = data.clients.map((c) => c.id);
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const map = new Map<string, number>();
    await app.equipment.orderBy('clientId').eachKey((key) => {
      const k = String(key);
      map.set(k, (map.get(k) ?? 0) + 1);
    });
    cursor.push(performance.now() - t);
    t = performance.now();
    const counts = await countEquipmentByClient(app, ids);
    perClient.push(performance.now() - t);
    if (counts.get(ids[0]!) !== map.get(ids[0]!)) throw new Error('counts differ');
  }
  return { cursor: stats(cursor), perClient: stats(perClient) };
}

/** Building the in-memory search index from the stored records, as on a first search. */
async function buildSearchIndex(runs: number) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const fresh = new BordereauDb();
    await fresh.open();
    const t = performance.now();
    const index = await equipmentSearchIndex(fresh);
    samples.push(performance.now() - t);
    if (index.size !== (await fresh.equipment.count())) throw new Error('index incomplete');
    fresh.close();
  }
  return stats(samples);
}

/** A part of a stored serial number, for the first search after a cold start. */
function sampleQuery(): string {
  return data.equipment[12_345]!.serialNumber.slice(2, 8);
}

async function check(): Promise<string> {
  const sample = (await app.equipment.limit(1).toArray())[0] as StoredEquipment;
  return `${sample.serialNumber} → ${(await searchEquipment(app, sample.serialNumber.slice(2, 7))).some((e) => e.id === sample.id)}`;
}

declare global {
  interface Window {
    inventoryBench: typeof api;
  }
}
const api = {
  seed,
  attach,
  search,
  openClientData,
  openClientScreen,
  importRows,
  importPhases,
  buildSearchIndex,
  countByClient,
  sampleQuery,
  check,
};
window.inventoryBench = api;
