/**
 * The inventory measured where the desktop app keeps it: on disk. Chromium with a persistent
 * profile (a user-data directory, as Electron's), 500 clients and 100,000 equipment records,
 * every figure beside a raw IndexedDB baseline in the same profile and run:
 * - import 10,000 CSV rows (target < 2 s);
 * - search as you type across all clients (p95 < 16 ms);
 * - open a client with 2,000 items, data layer and screen to first rows (p95 < 50 ms);
 * - the first search after a cold start: a new browser process on the same profile, from
 *   navigation to #/inventaire until the first result row of a typed query;
 * - cold start: a new browser process on the same profile, from navigation to the first row
 *   of the client list (target < 1 s), beside the same app on an empty profile and a raw
 *   IndexedDB read of the clients from the same cold profile.
 * Run: `npx tsx bench/inventory-disk.bench.ts` (builds the renderer first).
 * Parts alone: `BENCH_PARTS=import,search` runs only the parts named (import, phases,
 * search, first-search, open, counts, cold; all by default); an unknown name stops the run.
 * `BENCH_PROFILE=/tmp/dir` keeps the seeded profile there (and serves on a fixed port, so the
 * origin and its IndexedDB are the same next time): later runs skip the seeding. The import
 * part adds 30,000 items to a kept profile at each run; leave it out when keeping one.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build as esbuild } from 'esbuild';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { CHROMIUM_PATH, startRendererServer } from '../test/e2e/harness';

const CLIENTS = 500;
const EQUIPMENT = 100_000;
const BIG_CLIENT = 2_000;
const IMPORT_ROWS = 10_000;
const COLD_RUNS = 6;

const ms = (n: number) => `${n.toFixed(1)} ms`;
const stats = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { median: at(0.5), min: s[0]!, max: s[s.length - 1]! };
};

await viteBuild({ configFile: resolve('vite.config.ts'), logLevel: 'warn' });
const bundle = await esbuild({
  entryPoints: [resolve('bench/inventory-page.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  target: 'chrome120',
  minify: true,
});
const script = bundle.outputFiles[0]!.text;

const ALL_PARTS = ['import', 'phases', 'search', 'first-search', 'open', 'counts', 'cold'];
const PARTS = new Set(
  (process.env.BENCH_PARTS ?? ALL_PARTS.join(',')).split(',').map((p) => p.trim()),
);
const unknownParts = [...PARTS].filter((p) => !ALL_PARTS.includes(p));
if (unknownParts.length > 0) {
  console.error(
    `BENCH_PARTS : partie(s) inconnue(s) ${unknownParts.join(', ')} ; parties : ${ALL_PARTS.join(', ')}`,
  );
  process.exit(1);
}
const KEPT_PROFILE = process.env.BENCH_PROFILE;
const server = await startRendererServer(KEPT_PROFILE ? 47_173 : 0);
const profile = KEPT_PROFILE ?? (await mkdtemp(join(tmpdir(), 'bordereau-bench-profile-')));
if (KEPT_PROFILE) await mkdir(KEPT_PROFILE, { recursive: true });
/** Written once a kept profile is seeded: what later runs need of the seeding. */
const SEEDED_MARK = join(profile, 'bordereau-bench-seeded.json');
const emptyProfile = await mkdtemp(join(tmpdir(), 'bordereau-bench-empty-'));

/** Chromium on a user-data directory: IndexedDB lives on disk, as in the desktop app. */
function launch(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 800 },
    // The app's CSP forbids inline scripts, rightly: the bench bypasses it to inject its code.
    bypassCSP: true,
  });
}

/**
 * Recorded in the page itself (an init script, before the app's code): when `check` first
 * holds after a DOM change (the element is in the document), and the first frame after it
 * (painted). Playwright's own wait sees the element later: its polling and the evaluate that
 * reads the clock wait for the page's main thread, busy with the reads that follow the first
 * rows (contacts, counts), so it added 0.1–0.4 s to the first figures of this bench.
 */
function firstShownScript(check: string): string {
  return `(() => {
    const seen = () => {
      if (window.__shownAt !== undefined || !(${check})) return;
      window.__shownAt = performance.now();
      requestAnimationFrame(() => setTimeout(() => (window.__paintedAt = performance.now()), 0));
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true, characterData: true });
  })()`;
}

interface ColdStart {
  /** The element in the document (ms from navigation start). */
  readonly shown: number;
  /** The first frame after it: on screen. */
  readonly painted: number;
  /** When Playwright saw it (the figure of the earlier passes). */
  readonly observed: number;
}

/** A new browser process on `dir`: ms from navigation start to the first client row. */
async function coldStart(dir: string, selector: string, check: string): Promise<ColdStart> {
  const context = await launch(dir);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(120_000);
    await page.addInitScript(firstShownScript(check));
    await page.goto(server.url, { waitUntil: 'commit' });
    await page.waitForSelector(selector);
    const observed = await page.evaluate(() => performance.now());
    await page.waitForFunction(() => window.__paintedAt !== undefined);
    const [shown, painted] = await page.evaluate(() => [window.__shownAt!, window.__paintedAt!]);
    return { shown: shown!, painted: painted!, observed };
  } finally {
    await context.close();
  }
}

declare global {
  interface Window {
    __shownAt?: number;
    __paintedAt?: number;
  }
}

/** A new browser process on `dir`: ms from navigation to the first result of a search. */
async function coldFirstSearch(dir: string, query: string): Promise<number> {
  const context = await launch(dir);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(120_000);
    await page.goto(`${server.url}#/inventaire`, { waitUntil: 'commit' });
    await page.fill('#global-search', query);
    await page.waitForSelector('table[aria-label="Résultats de la recherche"] tbody tr');
    return await page.evaluate(() => performance.now());
  } finally {
    await context.close();
  }
}

/** The same cold profile: opening IndexedDB and reading the persisted search keys, bare. */
const RAW_COLD_KEYS_READ = `(async () => {
  const t = performance.now();
  const db = await new Promise((ok, ko) => {
    const r = indexedDB.open('bordereau');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => ko(r.error);
  });
  const r = db.transaction('equipmentSearchKeys', 'readonly').objectStore('equipmentSearchKeys').getAll();
  await new Promise((ok, ko) => { r.onsuccess = ok; r.onerror = () => ko(r.error); });
  db.close();
  return performance.now() - t;
})()`;

const RAW_COLD_READ = `(async () => {
  const t = performance.now();
  const db = await new Promise((ok, ko) => {
    const r = indexedDB.open('bordereau');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => ko(r.error);
  });
  const tx = db.transaction(['clients', 'contacts'], 'readonly');
  const all = (store) => new Promise((ok, ko) => {
    const r = tx.objectStore(store).getAll();
    r.onsuccess = () => ok(r.result);
    r.onerror = () => ko(r.error);
  });
  await Promise.all([all('clients'), all('contacts')]);
  db.close();
  return performance.now() - t;
})()`;

/** The same cold profile, read with the bare IndexedDB API: what the client list needs. */
async function rawColdRead(dir: string, script = RAW_COLD_READ): Promise<number> {
  const context = await launch(dir);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // A blank page of the app's origin (its IndexedDB), without the app's code.
    await page.route(server.url, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>raw</title>' }),
    );
    await page.goto(server.url);
    // A string, not a function: tsx would wrap its inner functions in a helper the page
    // does not have.
    return await page.evaluate(script);
  } finally {
    await context.close();
  }
}

/**
 * Opening a client with 2,000 items in a running page: the data layer beside a raw getAll,
 * and the screen from the hash change to its first inventory row.
 */
async function openClientParts(page: Page, bigClientId: string): Promise<void> {
  const open = await page.evaluate(
    (id) => window.inventoryBench.openClientData(id, 15),
    bigClientId,
  );
  console.log(
    `open client (${open.rows} items) on disk, data: ours median ${ms(open.ours.median)}, p95 ${ms(open.ours.p95)} | first page (${open.firstRows} items) median ${ms(open.first.median)}, p95 ${ms(open.first.p95)} | raw getAll median ${ms(open.raw.median)}, p95 ${ms(open.raw.p95)}`,
  );
  const screen = await page.evaluate(
    (id) => window.inventoryBench.openClientScreen(id, 15),
    bigClientId,
  );
  console.log(
    `open client (${open.rows} items) on disk, screen from navigation to first rows: median ${ms(screen.first.median)}, p95 ${ms(screen.first.p95)}, max ${ms(screen.first.max)} | to the whole list: median ${ms(screen.whole.median)}, p95 ${ms(screen.whole.p95)}`,
  );
}

/**
 * Cold start: new browser processes on the seeded profile, to the first client row, beside
 * the same app on an empty profile and a raw cold read of the clients, alternated.
 */
async function coldStartParts(): Promise<void> {
  const row = 'table[aria-label="Liste des clients"] tbody tr a';
  const full: ColdStart[] = [];
  const raw: number[] = [];
  const empty: ColdStart[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    full.push(await coldStart(profile, row, `document.querySelector('${row}')`));
    raw.push(await rawColdRead(profile));
    empty.push(
      await coldStart(
        emptyProfile,
        'text=Aucun client pour l’instant.',
        "document.body?.textContent?.includes('Aucun client pour l’instant.')",
      ),
    );
  }
  const line = (runs: ColdStart[]) => {
    const [p, o] = [stats(runs.map((r) => r.painted)), stats(runs.map((r) => r.observed))];
    return `painted median ${ms(p.median)} (${ms(p.min)}–${ms(p.max)}), in the document median ${ms(stats(runs.map((r) => r.shown)).median)}, seen by Playwright median ${ms(o.median)} (${ms(o.min)}–${ms(o.max)})`;
  };
  const r = stats(raw);
  console.log(
    `cold start to the first client row, ${EQUIPMENT} items: ${line(full)} | empty profile: ${line(empty)} | raw cold read of clients + contacts median ${ms(r.median)} (${ms(r.min)}–${ms(r.max)})`,
  );
}

try {
  const started = performance.now();
  const context = await launch(profile);
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(600_000);
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(server.url);
  await page.waitForSelector('h1');
  await page.addScriptTag({ content: script });
  console.log(
    'persistent storage:',
    await page.evaluate(() => navigator.storage.persist().then(String)),
  );
  let seeded: { bigClientId: string; query: string };
  if (KEPT_PROFILE && existsSync(SEEDED_MARK)) {
    seeded = JSON.parse(await readFile(SEEDED_MARK, 'utf8')) as typeof seeded;
    await page.evaluate(([c, e, b]) => window.inventoryBench.attach(c, e, b), [
      CLIENTS,
      EQUIPMENT,
      BIG_CLIENT,
    ] as const);
    console.log(`kept profile ${profile}: seeded already`);
  } else {
    const done = await page.evaluate(([c, e, b]) => window.inventoryBench.seed(c, e, b), [
      CLIENTS,
      EQUIPMENT,
      BIG_CLIENT,
    ] as const);
    console.log(
      `seeded ${done.equipment} items for ${CLIENTS} clients on disk in ${done.seconds.toFixed(1)} s (not timed below)`,
    );
    seeded = {
      bigClientId: done.bigClientId,
      query: await page.evaluate(() => window.inventoryBench.sampleQuery()),
    };
    if (KEPT_PROFILE) await writeFile(SEEDED_MARK, JSON.stringify(seeded));
  }
  console.log('sanity:', await page.evaluate(() => window.inventoryBench.check()));
  // Off the client list: its live item counts would run again after each timed write,
  // inside the next measurement.
  await page.evaluate(() => (location.hash = '#/parametres'));
  await page.waitForSelector('h1');

  if (PARTS.has('import')) {
    const imported = await page.evaluate(
      (n) => window.inventoryBench.importRows(n, 3),
      IMPORT_ROWS,
    );
    console.log(
      `import ${imported.rows} rows on disk: ours median ${ms(imported.ours.median)}, max ${ms(imported.ours.max)} | raw bulk put + one outbox row per record median ${ms(imported.raw.median)}, max ${ms(imported.raw.max)} | raw bulk put + one outbox row per 1,000 median ${ms(imported.rawBatched.median)}, max ${ms(imported.rawBatched.max)}`,
    );
  }
  if (PARTS.has('phases')) {
    const phases = await page.evaluate(
      (n) => window.inventoryBench.importPhases(n, 3),
      IMPORT_ROWS,
    );
    console.log(
      `import ${IMPORT_ROWS} rows, phase by phase (medians): ${Object.entries(phases)
        .map(([k, v]) => `${k} ${ms(v)}`)
        .join(', ')}`,
    );
  }
  if (PARTS.has('first-search')) {
    const built = await page.evaluate(() => window.inventoryBench.buildSearchIndex(3));
    console.log(
      `in-memory search index loaded from the persisted keys (first search): median ${ms(built.median)}, max ${ms(built.max)}`,
    );
  }
  if (PARTS.has('search')) {
    const search = await page.evaluate(() => window.inventoryBench.search(60));
    console.log(
      `search as you type on disk (${search.keystrokes} keystrokes): ours median ${ms(search.ours.median)}, p95 ${ms(search.ours.p95)}, max ${ms(search.ours.max)} | raw median ${ms(search.raw.median)}, p95 ${ms(search.raw.p95)}`,
    );
  }
  if (PARTS.has('open')) await openClientParts(page, seeded.bigClientId);
  if (PARTS.has('counts')) {
    await page.evaluate(() => (location.hash = '#/parametres'));
    await page.waitForSelector('h1');
    const counted = await page.evaluate(() => window.inventoryBench.countByClient(5));
    console.log(
      `client list's item counts for ${CLIENTS} clients: key cursor median ${ms(counted.cursor.median)}, max ${ms(counted.cursor.max)} | one count per client median ${ms(counted.perClient.median)}, max ${ms(counted.perClient.max)}`,
    );
  }
  await context.close();

  if (PARTS.has('cold')) await coldStartParts();
  if (PARTS.has('first-search')) {
    const searched: number[] = [];
    const keysRead: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      searched.push(await coldFirstSearch(profile, seeded.query));
      keysRead.push(await rawColdRead(profile, RAW_COLD_KEYS_READ));
    }
    const [s1, k] = [stats(searched), stats(keysRead)];
    console.log(
      `cold start to the first result of a search ("${seeded.query}") on #/inventaire: median ${ms(s1.median)} (${ms(s1.min)}–${ms(s1.max)}) | raw cold open + read of the search keys median ${ms(k.median)} (${ms(k.min)}–${ms(k.max)})`,
    );
  }
  console.log(`bench run: ${((performance.now() - started) / 1000).toFixed(0)} s`);
} finally {
  await server.close();
  if (!KEPT_PROFILE) await rm(profile, { recursive: true, force: true });
  await rm(emptyProfile, { recursive: true, force: true });
}
