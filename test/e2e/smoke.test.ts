import { existsSync, statSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  collectPageErrors,
  goOffline,
  newFrenchContext,
  type RendererServer,
  screenshot,
  useRendererInChromium,
} from './harness';

/** Records when the first screen's heading is in the page (before the app's code runs). */
const FIRST_SCREEN_MARK = `new MutationObserver((_, observer) => {
  if (document.querySelector('h1')) {
    window.__firstScreenAt = performance.now();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });`;

/** The files the page had asked for by then. A string: tsx wraps functions the page lacks. */
const RESOURCES_BEFORE_FIRST_SCREEN = `performance
  .getEntriesByType('resource')
  .filter((entry) => entry.startTime <= window.__firstScreenAt)
  .map((entry) => entry.name.split('/').pop())`;

describe('the built renderer in real Chromium', () => {
  let server: RendererServer;
  let browser: Browser;
  useRendererInChromium((s, b) => ((server = s), (browser = b)));

  it('renders in French with its navigation and no console error', async () => {
    const context = await newFrenchContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.url);

    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Clients');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    for (const label of [
      'Clients',
      'Inventaire',
      'Interventions',
      'Synchronisation',
      'Bureau',
      'Paramètres',
    ]) {
      await expect.poll(() => nav.getByRole('link', { name: label }).count()).toBe(1);
    }
    expect(await page.getByRole('status').first().textContent()).toMatch(/En ligne|Hors ligne/);

    await nav.getByRole('link', { name: 'Paramètres' }).click();
    await expect
      .poll(() => page.getByTestId('app-version').textContent())
      .toMatch(/^\d+\.\d+\.\d+ \(navigateur\)$/);

    const shot = await screenshot(page, 'smoke-settings');
    expect(existsSync(shot) && statSync(shot).size > 1000).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the client list without first reading the bordereau’s PDF writer or its fonts', async () => {
    const context = await newFrenchContext(browser);
    const page = await context.newPage();
    // The time the list's heading is in the page, recorded by the page itself.
    await page.addInitScript(FIRST_SCREEN_MARK);
    await page.goto(server.url);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Clients');
    const before: string[] = await page.evaluate(RESOURCES_BEFORE_FIRST_SCREEN);
    expect(before.some((name) => name.startsWith('ClientsPage-'))).toBe(true);
    // Their code (1 MB) and fonts (2 MB) wait for a PDF, or for the preload after start-up.
    expect(before.filter((name) => /^(report-pdf|table)-|\.ttf$/.test(name))).toEqual([]);
    await context.close();
  });

  it('runs under the production CSP, which really blocks inline script', async () => {
    const context = await newFrenchContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.url);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Clients');
    expect(errors).toEqual([]);
    await page.addScriptTag({ content: 'window.__injected = true;' }).catch(() => undefined);
    expect(
      await page.evaluate(() => (window as { __injected?: boolean }).__injected ?? false),
    ).toBe(false);
    await context.close();
  });

  it('shows the offline indicator when the network drops', async () => {
    const context = await newFrenchContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('En ligne');
    await goOffline(context, page);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Hors ligne');
    await context.close();
  });
});
