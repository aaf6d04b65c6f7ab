/**
 * Inventory at scale, in real Chromium: 500 clients and 100,000 equipment records in the
 * app's IndexedDB (the first client holds 2,000 items), each figure beside a raw-IndexedDB
 * baseline (same records, same indexes) measured in the same page and run:
 * - search as you type across all clients (target p95 < 50 ms);
 * - opening a client with 2,000 items, data layer and on screen to the first rows (< 200 ms);
 * - importing 10,000 CSV rows (< 1.5 s, within 1.5× of a raw bulk write of the same rows).
 * Run: `npx tsx bench/inventory.bench.ts` (or `npm run bench -- inventory`). Builds the
 * renderer first (vite build), then drives Debian's Chromium through playwright-core.
 */
import { resolve } from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { launchChromium, startRendererServer } from '../test/e2e/harness';

const CLIENTS = 500;
const EQUIPMENT = 100_000;
const BIG_CLIENT = 2_000;
const IMPORT_ROWS = 10_000;

const ms = (n: number) => `${n.toFixed(1)} ms`;

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

const server = await startRendererServer();
const browser = await launchChromium();
try {
  // The app's CSP forbids inline scripts, rightly: the bench bypasses it to inject its code.
  const context = await browser.newContext({
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 800 },
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(300_000);
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(server.url);
  await page.waitForSelector('h1');
  await page.addScriptTag({ content: script });

  const seeded = await page.evaluate(([c, e, b]) => window.inventoryBench.seed(c, e, b), [
    CLIENTS,
    EQUIPMENT,
    BIG_CLIENT,
  ] as const);
  console.log(
    `seeded ${seeded.equipment} items for ${CLIENTS} clients in ${seeded.seconds.toFixed(1)} s (not timed below)`,
  );
  console.log('sanity:', await page.evaluate(() => window.inventoryBench.check()));

  const search = await page.evaluate(() => window.inventoryBench.search(60));
  console.log(
    `search as you type (${search.keystrokes} keystrokes, limit 50): ours median ${ms(search.ours.median)}, p95 ${ms(search.ours.p95)}, max ${ms(search.ours.max)} | raw IndexedDB median ${ms(search.raw.median)}, p95 ${ms(search.raw.p95)}`,
  );

  const open = await page.evaluate(
    (id) => window.inventoryBench.openClientData(id, 15),
    seeded.bigClientId,
  );
  console.log(
    `open client (${open.rows} items), data: ours median ${ms(open.ours.median)}, p95 ${ms(open.ours.p95)} | raw getAll median ${ms(open.raw.median)}, p95 ${ms(open.raw.p95)}`,
  );

  const screen = await page.evaluate(
    (id) => window.inventoryBench.openClientScreen(id, 10),
    seeded.bigClientId,
  );
  console.log(
    `open client (${open.rows} items), navigation to first rows on screen: median ${ms(screen.first.median)}, p95 ${ms(screen.first.p95)}, max ${ms(screen.first.max)}`,
  );

  const imported = await page.evaluate((n) => window.inventoryBench.importRows(n, 4), IMPORT_ROWS);
  console.log(
    `import ${imported.rows} CSV rows (parse + map + validate + one transaction with outbox): ours median ${ms(imported.ours.median)}, max ${ms(imported.ours.max)} | raw bulk put of the same rows + outbox median ${ms(imported.raw.median)}, max ${ms(imported.raw.max)} | ratio ${(imported.ours.median / imported.raw.median).toFixed(2)}×`,
  );
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
