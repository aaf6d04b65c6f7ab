import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectPageErrors,
  launchChromium,
  newFrenchContext,
  screenshot,
  startRendererServer,
} from './harness';
import type { RendererServer } from './harness';

/**
 * The browser version updated on its server while a tab is open: the new version downloads,
 * waits, and the app says so; the user installs it when they choose and the page comes back
 * on it. Served from a copy of the build whose service worker is then changed, as a new
 * release changes it.
 */
describe('a new version of the browser build', () => {
  let dir: string;
  let server: RendererServer;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bordereau-update-'));
    cpSync('dist/renderer', dir, { recursive: true });
    server = await startRendererServer(0, dir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is offered on screen and installed when the user asks, never before', async () => {
    const context = await newFrenchContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.url);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Clients');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // A tab opened again later: the page is under the installed version's control.
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
      .toBe(true);
    const banner = page.getByRole('region', { name: 'Nouvelle version' });
    expect(await banner.count()).toBe(0);

    // A new release on the server; the tab checks for it (hourly, and at each start).
    appendFileSync(join(dir, 'sw.js'), '\n// version suivante\n');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      await registration.update();
    });
    await expect.poll(() => banner.count()).toBe(1);
    expect(await banner.textContent()).toContain('Une nouvelle version de Bordereau est prête.');
    // Waiting, not running: nothing changes under the page by itself.
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.ready).waiting !== null),
    ).toBe(true);
    await screenshot(page, 'app-update-banner');
    await page.evaluate(() => ((window as { beforeUpdate?: boolean }).beforeUpdate = true));

    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Mettre à jour maintenant' }).click(),
    ]);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Clients');
    // A new page (reloaded), under the worker that was waiting.
    expect(await page.evaluate(() => (window as { beforeUpdate?: boolean }).beforeUpdate)).toBe(
      undefined,
    );
    expect(
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        return {
          waiting: registration.waiting !== null,
          controlled: navigator.serviceWorker.controller?.state,
        };
      }),
    ).toEqual({ waiting: false, controlled: 'activated' });
    expect(await banner.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
