import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  collectPageErrors,
  type RendererServer,
  screenshot,
  useRendererInChromium,
} from './harness';
import { dateFieldText, typeDate } from './date-input';

/**
 * A plain browser in American English (not the French context the other tests use): the
 * app's date and time fields still read day first and on the 24 h clock, where a native
 * `<input type="date">` would show « 11/23/2026 ».
 */
describe('date fields in an en-US Chromium', () => {
  let server: RendererServer;
  let browser: Browser;
  useRendererInChromium((s, b) => ((server = s), (browser = b)));

  it('the visit list filter reads jj/mm/aaaa, then « 23/11/2026 » once typed', async () => {
    const context = await browser.newContext({
      locale: 'en-US',
      timezoneId: 'America/New_York',
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}#/interventions`);
    // The browser itself is American: its own date format is month first.
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    expect(
      await page.evaluate(() => new Intl.DateTimeFormat().format(new Date(2026, 10, 23))),
    ).toBe('11/23/2026');

    await expect.poll(() => dateFieldText(page, 'Du')).toBe('jj/mm/aaaa');
    await typeDate(page, 'Du', '2026-11-23');
    expect(await dateFieldText(page, 'Du')).toBe('23/11/2026');
    await screenshot(page, 'date-fields-en-us');
    await typeDate(page, 'Du', '');
    expect(await dateFieldText(page, 'Du')).toBe('jj/mm/aaaa');
    expect(errors).toEqual([]);
    await context.close();
  });
});
