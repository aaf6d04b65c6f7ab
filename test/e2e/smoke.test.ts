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
