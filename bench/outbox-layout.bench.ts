/**
 * What an import's outbox costs on disk, by layout: raw IndexedDB in Chromium on a persistent
 * profile (as the desktop app's), 100,000 equipment records already stored, then 10,000 new
 * ones written in one transaction with their creations queued
 * - one outbox row per record holding the record (the app before creation batches),
 * - one row per record holding only its id (as small as a row gets),
 * - no outbox at all (the records alone: the floor),
 * - one row per 1,000 records holding them (the app's creation batches, renderer/db/outbox-row.ts),
 * - one row per 1,000 records holding only their ids.
 * 3 rounds, the order reversed every other round. The question it answers: does a row cost by
 * its bytes or by its being a row? (docs/benchmarks.md, "Creation batches").
 * Run: `npx tsx bench/outbox-layout.bench.ts` (or `npm run bench -- outbox-layout`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { generateDemoData } from '../shared/seed/demo-data';
import { CHROMIUM_PATH } from '../test/e2e/harness';

const NOW = Date.UTC(2026, 10, 23, 9);
const ROUNDS = 3;
const LAYOUTS = ['per-record', 'per-record-ids', 'records-only', 'batched', 'batched-ids'] as const;
type Layout = (typeof LAYOUTS)[number];

// Page code as a string: tsx would wrap functions passed to the page in a helper it lacks.
const PAGE_SETUP = `(async () => {
  const req = (r) => new Promise((ok, ko) => { r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
  const done = (tx) => new Promise((ok, ko) => { tx.oncomplete = ok; tx.onerror = () => ko(tx.error); tx.onabort = () => ko(tx.error); });
  const open = indexedDB.open('outbox-layout', 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    // The app's equipment indexes (renderer/db/schema.ts) and outbox indexes.
    db.createObjectStore('equipment', { keyPath: 'id' }).createIndex('clientId', 'clientId');
    const outbox = db.createObjectStore('outbox', { keyPath: 'mutationId', autoIncrement: true });
    for (const index of ['entity', 'recordId', 'at']) outbox.createIndex(index, index);
  };
  const db = await req(open);
  const entry = (r, changes) => ({ entity: 'equipment', recordId: r.id, op: 'upsert', baseRevision: null, changes, at: 1 });
  window.outboxLayout = {
    async seed(records) {
      const tx = db.transaction('equipment', 'readwrite');
      for (const r of records) tx.objectStore('equipment').put(r);
      await done(tx);
    },
    async write(records, layout) {
      const t = performance.now();
      const tx = db.transaction(['equipment', 'outbox'], 'readwrite');
      const equipment = tx.objectStore('equipment');
      const outbox = tx.objectStore('outbox');
      for (const r of records) equipment.put(r);
      if (layout === 'per-record') for (const r of records) outbox.add(entry(r, r));
      if (layout === 'per-record-ids') for (const r of records) outbox.add(entry(r, {}));
      for (let i = 0; layout.startsWith('batched') && i < records.length; i += 1000) {
        const batch = records.slice(i, i + 1000);
        outbox.add({
          entity: 'equipment',
          at: 1,
          created: batch.map((r, j) => ({ mutationId: i + j + 1, recordId: r.id, changes: layout === 'batched' ? r : {} })),
        });
      }
      await done(tx);
      return performance.now() - t;
    },
  };
})()`;

const dir = await mkdtemp(join(tmpdir(), 'bordereau-outbox-layout-'));
const context = await chromium.launchPersistentContext(dir, {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(300_000);
  // A blank page of an http origin: IndexedDB needs one.
  await page.route('http://outbox-layout.test/', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
  );
  await page.goto('http://outbox-layout.test/');
  await page.evaluate(PAGE_SETUP);
  const stored = generateDemoData({
    seed: 1,
    clientCount: 50,
    equipmentPerClient: 2_000,
    now: NOW,
  });
  await page.evaluate((records) => window.outboxLayout.seed(records), stored.equipment);
  console.log(
    `seeded ${stored.equipment.length} records on disk (${Math.round(JSON.stringify(stored.equipment).length / stored.equipment.length)} bytes of JSON each)`,
  );
  const samples = new Map<Layout, number[]>(LAYOUTS.map((l) => [l, []]));
  let seed = 100;
  for (let round = 0; round < ROUNDS; round++) {
    for (const layout of round % 2 === 0 ? LAYOUTS : [...LAYOUTS].reverse()) {
      const fresh = generateDemoData({
        seed: seed++,
        clientCount: 1,
        equipmentPerClient: 10_000,
        now: NOW,
      });
      const ms = await page.evaluate(([records, l]) => window.outboxLayout.write(records, l), [
        fresh.equipment,
        layout,
      ] as const);
      samples.get(layout)!.push(ms);
    }
  }
  for (const [layout, ms] of samples) {
    const sorted = [...ms].sort((a, b) => a - b);
    console.log(
      `10,000 records + outbox ${layout.padEnd(14)} median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms (${sorted.map((m) => m.toFixed(0)).join(', ')})`,
    );
  }
} finally {
  await context.close();
  await rm(dir, { recursive: true, force: true });
}

declare global {
  interface Window {
    outboxLayout: {
      seed(records: readonly object[]): Promise<void>;
      write(records: readonly object[], layout: Layout): Promise<number>;
    };
  }
}
