import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { DEVELOPMENT_CSP } from '../../electron/csp';
import { sampleDraft } from '../fixtures/report/sample-report';

/**
 * End-to-end harness: the built renderer (dist/renderer, from `npm run build:web`) served by
 * Vite's preview server on a free loopback port, driven in Debian's Chromium by
 * playwright-core. No Electron binary and no downloaded browser are needed.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS_DIR = resolve('test-results');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The built renderer served over HTTP, as the browser version is. */
export interface RendererServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startRendererServer(
  // A fixed port keeps the origin, hence a persistent profile's IndexedDB, across runs
  // (bench/inventory-disk.bench.ts's BENCH_PROFILE); 0 takes a free one.
  port = 0,
  // Another copy of the build (the update test serves one it changes); the build by default.
  dir?: string,
): Promise<RendererServer> {
  if (!existsSync(join(dir ?? 'dist/renderer', 'index.html'))) {
    throw new Error(
      'dist/renderer is missing: run `npm run build:web` before the e2e tests (npm test does).',
    );
  }
  const server: PreviewServer = await preview({
    configFile: resolve('vite.config.ts'),
    ...(dir ? { build: { outDir: resolve(dir) } } : {}),
    preview: {
      port,
      host: '127.0.0.1',
      strictPort: port !== 0,
      open: false,
      // The desktop shell's CSP (its development variant: the tests' office server is plain
      // http on loopback), sent as a header as its app:// handler does, so a
      // CSP violation (an inline script, an eval in a library) fails the e2e tests as a
      // console error. Sent by the server rather than injected through request interception:
      // a document fulfilled by Playwright has no address space, and Chromium's Local
      // Network Access then refuses its requests to the office server on loopback.
      headers: { 'content-security-policy': DEVELOPMENT_CSP },
    },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => server.close(),
  };
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Console errors and uncaught page errors, collected so a test can assert there are none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** A fresh browser context (its own IndexedDB) in French, in the Paris time zone. */
export async function newFrenchContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  return context;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = resolve(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Draws a zigzag stroke with the mouse on the signature canvas labelled `label`. */
export async function drawOn(page: Page, label: string): Promise<void> {
  const canvas = page.getByLabel(label, { exact: true }).locator('xpath=self::canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error(`no canvas ${label}`);
  await page.mouse.move(box.x + 30, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++)
    await page.mouse.move(box.x + 30 + i * 20, box.y + box.height / 2 + (i % 2 ? -30 : 30), {
      steps: 3,
    });
  await page.mouse.up();
}

/** The technician's profile asked for at the first signature on a laptop: filled and saved. */
export async function saveTechnicianProfile(page: Page, name: string, code: string): Promise<void> {
  await page.getByLabel('Nom du technicien').fill(name);
  await page.getByLabel('Code technicien (2 à 4 lettres)').fill(code);
  await drawOn(page, 'Signature du technicien');
  await page.getByRole('button', { name: 'Enregistrer le profil' }).click();
}

/**
 * The network drops, as on the road, once `page` has fetched every screen's code and its
 * offline cache is installed: the app
 * preloads it after its first screen (renderer/main.tsx marks <html data-screens-loaded>),
 * which a technician's laptop has long done before leaving the office. A test going offline
 * within a second of opening the app would otherwise test an app still starting.
 */
export async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset['screensLoaded'] === 'true');
  // The browser build's service worker too (registered after the first screen): cut off while
  // fetching its script, Chromium reports the failure as a page error.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await context.setOffline(true);
}

/**
 * The built renderer served and a Chromium launched once for a test file (beforeAll), both
 * closed after it (afterAll); `ready` receives them once they are up.
 */
export function useRendererInChromium(
  ready: (server: RendererServer, browser: Browser) => void,
): void {
  let server: RendererServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startRendererServer();
    browser = await launchChromium();
    ready(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}

/**
 * Writes rows straight into the app's IndexedDB once the app has created it (the office's
 * data a test starts from): `tables` maps a store name to the rows put into it, in one
 * transaction.
 */
export async function putIntoAppDb(page: Page, tables: object): Promise<void> {
  await page.waitForFunction(async () =>
    (await indexedDB.databases()).some((d) => d.name === 'bordereau'),
  );
  await page.evaluate(async (tables) => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const request = indexedDB.open('bordereau');
      request.onsuccess = () => ok(request.result);
      request.onerror = () => ko(request.error);
    });
    const tx = db.transaction(Object.keys(tables), 'readwrite');
    for (const [name, rows] of Object.entries(tables))
      for (const row of rows as object[]) tx.objectStore(name).put(row);
    await new Promise((ok, ko) => {
      tx.oncomplete = ok;
      tx.onerror = () => ko(tx.error);
    });
    db.close();
  }, tables);
}

/** The company's identity printed on every bordereau, as Paramètres stores it (the sample report's). */
export async function saveCompanyIdentity(page: Page): Promise<void> {
  await putIntoAppDb(page, {
    settings: [{ key: 'provider', value: sampleDraft().content.provider }],
  });
}

/** Every row of one store of the app's IndexedDB, as the app stored it (what a test checks). */
export async function readAppDb(page: Page, store: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(async (store) => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const request = indexedDB.open('bordereau');
      request.onsuccess = () => ok(request.result);
      request.onerror = () => ko(request.error);
    });
    const rows = await new Promise<Record<string, unknown>[]>((ok, ko) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => ok(request.result as Record<string, unknown>[]);
      request.onerror = () => ko(request.error);
    });
    db.close();
    return rows;
  }, store);
}
