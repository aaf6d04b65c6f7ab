import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { equipmentIndexFields } from '../../renderer/db/equipment-index';
import { sampleDraft } from '../fixtures/report/sample-report';
import {
  collectPageErrors,
  newFrenchContext,
  putIntoAppDb,
  type RendererServer,
  RESULTS_DIR,
  useRendererInChromium,
  saveTechnicianProfile,
} from './harness';
import {
  CLIENT_ID,
  EQUIPMENT_ID,
  lefevreClient,
  lefevreContract,
  lefevreServer,
  lefevreSite,
  MINUTE,
  SITE_ID,
  T0,
} from './lefevre-office';

/** The office's data for the Lefèvre client, written into the app's database (as visit.test.ts does). */
async function seedLefevre(page: Page): Promise<void> {
  const meta = { revision: 1, updatedAt: T0 - 86_400_000 };
  const contract = lefevreContract();
  const equipment = { id: EQUIPMENT_ID, ...meta, ...lefevreServer };
  const records = {
    clients: [{ id: CLIENT_ID, ...meta, ...lefevreClient }],
    sites: [{ id: SITE_ID, ...meta, ...lefevreSite(contract) }],
    contracts: [{ ...contract, ...meta }],
    equipment: [{ ...equipment, ...equipmentIndexFields(equipment) }],
    settings: [{ key: 'provider', value: sampleDraft().content.provider }],
  };
  await putIntoAppDb(page, records);
}

/** Every URL the service worker's caches hold. */
const cachedUrls = (page: Page) =>
  page.evaluate(async () => {
    const urls: string[] = [];
    for (const key of await caches.keys())
      for (const request of await (await caches.open(key)).keys()) urls.push(request.url);
    return urls;
  });

describe('the browser build offline, in real Chromium', () => {
  let server: RendererServer;
  let browser: Browser;
  useRendererInChromium((s, b) => ((server = s), (browser = b)));

  it('loaded once online, it reopens offline and signs, prints and saves a PDF with its fonts', async () => {
    const context = await newFrenchContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.clock.setFixedTime(T0 - 5 * MINUTE);
    await page.goto(`${server.url}#/interventions`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Interventions');
    // Installed and active: the whole app shell is precached, the report's fonts included,
    // though no PDF was made and the page itself may not have read them.
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state))
      .toBe('activated');
    const cached = await cachedUrls(page);
    expect(
      cached.filter((url) =>
        /\/assets\/DejaVuSansCondensed[^/]*\.ttf$/.test(new URL(url).pathname),
      ),
    ).toHaveLength(3);
    expect(cached.some((url) => /\/assets\/report-pdf-[^/]+\.js$/.test(url))).toBe(true);
    expect(cached.some((url) => new URL(url).pathname.endsWith('/index.html'))).toBe(true);
    await seedLefevre(page);

    // The network drops; the app is opened again (a new session: nothing in memory).
    await context.setOffline(true);
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(new URL(request.url()).pathname));
    const fonts: { url: string; status: number; fromServiceWorker: boolean }[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.ttf'))
        fonts.push({
          url: response.url(),
          status: response.status(),
          fromServiceWorker: response.fromServiceWorker(),
        });
    });
    await page.goto(`${server.url}#/interventions/nouvelle?client=${CLIENT_ID}`);
    await page.reload();
    await expect
      .poll(() => page.getByRole('combobox', { name: /^Site/ }).inputValue())
      .toBe(SITE_ID);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Hors ligne');

    // A short visit, closed without the client, entirely offline.
    await page.getByLabel('Objet de la demande').fill('Imprimante du 2e étage hors service');
    await page.getByLabel(/Le client confirme disposer d’une sauvegarde/).check();
    await page.clock.setFixedTime(T0);
    await page.getByRole('button', { name: 'Démarrer l’intervention' }).click();
    await expect.poll(() => page.getByTestId('timer-state').textContent()).toBe('En cours');
    await page.clock.setFixedTime(T0 + 30 * MINUTE);
    await page.getByRole('button', { name: 'Terminer la visite' }).click();
    await expect.poll(() => page.getByTestId('timer-state').textContent()).toBe('Terminée');
    await page.getByLabel('Travaux réalisés').fill('Bourrage du bac 2 dégagé, galet nettoyé.');
    await page.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Enregistré.' }).count())
      .toBe(1);
    await page.getByRole('link', { name: 'Passer à la signature' }).click();
    await saveTechnicianProfile(page, 'Julien Durand', 'JD');
    await page.getByLabel('Client absent').check();
    await page
      .getByLabel('Circonstances (obligatoire)')
      .fill('Personne sur place à la fin de l’intervention.');
    await page.clock.setFixedTime(T0 + 35 * MINUTE);
    await page.getByRole('button', { name: 'Clore sans signature du client' }).click();
    await expect
      .poll(() => page.getByTestId('report-status').textContent(), { timeout: 20_000 })
      .toContain('Clos sans signature du client');

    // Printed: the browser's PDF viewer in a new tab.
    const [tab] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Imprimer l’exemplaire du client' }).click(),
    ]);
    expect(tab.url()).toMatch(/^blob:/);
    await expect
      .poll(() =>
        page.getByText('PDF ouvert dans un nouvel onglet : imprimez-le (Ctrl+P).').count(),
      )
      .toBe(1);

    // Saved, and read back: the embedded fonts came from the service worker's cache.
    mkdirSync(RESULTS_DIR, { recursive: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Enregistrer le PDF' }).click(),
    ]);
    const pdfPath = resolve(RESULTS_DIR, 'offline-browser.pdf');
    await download.saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('BI-2026-JD-0001');
    expect(text).toContain('Cabinet Lefèvre & Associés');
    expect(text).toContain('Bourrage du bac 2 dégagé, galet nettoyé.');
    const embedded = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' });
    expect(embedded).toMatch(/DejaVuSansCondensed/);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    expect(fonts.every((f) => f.status === 200 && f.fromServiceWorker)).toBe(true);
    // Nothing failed offline but the tab's icon: Chromium fetches favicons itself, never
    // through a service worker, and logs that failure as the page's.
    expect(failed.filter((path) => path !== '/icon.png')).toEqual([]);
    const disconnected = 'Failed to load resource: net::ERR_INTERNET_DISCONNECTED';
    expect(errors.filter((e) => e !== disconnected)).toEqual([]);
    expect(errors.length).toBeLessThanOrEqual(failed.length);
    await context.close();
  });

  it('without its service worker, the same build does not reopen offline', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${server.url}#/interventions`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Interventions');
    await context.setOffline(true);
    await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await context.close();
  });
});
