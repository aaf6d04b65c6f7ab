import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, newFrenchContext, screenshot } from './harness';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** `npm run web` itself (Vite's dev server), as a developer or a tester starts it. */
describe('npm run web in real Chromium', () => {
  let web: ChildProcess;
  let url: string;
  let browser: Browser;
  let output = '';

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}/`;
    web = spawn('npm', ['run', 'web'], {
      env: { ...process.env, PORT: String(port), BROWSER: 'none' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    web.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    web.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        if ((await fetch(url)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline || web.exitCode !== null) {
        throw new Error(`npm run web did not serve ${url}:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    // npm, sh and vite: stop the whole process group.
    if (web?.pid && web.exitCode === null) process.kill(-web.pid, 'SIGTERM');
  });

  it('serves the app on $PORT, in French, with no console error', async () => {
    const context = await newFrenchContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(url);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Clients');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await expect.poll(() => nav.getByRole('link', { name: 'Paramètres' }).count()).toBe(1);
    // A screen loaded on demand, through the dev server's module graph.
    await nav.getByRole('link', { name: 'Paramètres' }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Paramètres');
    await screenshot(page, 'web-dev-server');
    expect(errors).toEqual([]);
    await context.close();
  });
});
