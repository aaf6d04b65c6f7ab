import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { NAV_ITEMS } from '../../renderer/app/nav';
import {
  collectPageErrors,
  newFrenchContext,
  type RendererServer,
  screenshot,
  useRendererInChromium,
} from './harness';

/** Elements wider than the window: the page would scroll sideways on a 1024 px laptop. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    const scroll = document.documentElement.scrollWidth;
    return scroll > width ? [`scrollWidth=${scroll}`, ...wide] : wide;
  });
}

/** Form controls a screen reader would announce without a name. */
function unlabelled(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('input:not([type=hidden]), select, textarea')]
      .filter(
        (el) =>
          // react-aria's date fields keep a native input for autofill, hidden from assistive
          // technologies and the tab order: not a field anyone fills.
          !el.closest('[aria-hidden="true"]') &&
          !el.getAttribute('aria-label') &&
          !el.getAttribute('aria-labelledby') &&
          (el.labels?.length ?? 0) === 0,
      )
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

describe('a technician’s first walk through the app (1024 × 700)', () => {
  let server: RendererServer;
  let browser: Browser;
  useRendererInChromium((s, b) => ((server = s), (browser = b)));

  it('shows every main screen with demo data, without console error, sideways scroll or unlabelled field', async () => {
    const context = await newFrenchContext(browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1024, height: 700 });
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}#/parametres`);
    await page.getByRole('button', { name: 'Charger des données de démonstration' }).click();
    await expect
      .poll(() => page.getByText('20 clients de démonstration ajoutés.').count(), {
        timeout: 30_000,
      })
      .toBe(1);
    // A second click once duplicated every demo client (their ids follow the clock).
    await page.getByRole('button', { name: 'Charger des données de démonstration' }).click();
    await expect
      .poll(() => page.getByText('Les clients de démonstration sont déjà chargés.').count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await page.goto(`${server.url}#/clients`);
    await expect
      .poll(() =>
        page.getByRole('table', { name: 'Liste des clients' }).locator('tbody tr').count(),
      )
      .toBe(20);

    const screens: { path: string; title: string }[] = [
      ...NAV_ITEMS.map((item) => ({ path: item.to, title: '' })),
      { path: '/interventions/nouvelle', title: 'Démarrer une intervention' },
    ];
    for (const screen of screens) {
      await page.goto(`${server.url}#${screen.path}`);
      // A screen's code loads on its first visit: wait until the new screen is shown.
      await expect.poll(() => page.locator('main[aria-busy="false"]').count()).toBe(1);
      await expect.poll(() => page.locator('h1').count()).toBe(1);
      if (screen.title) expect(await page.locator('h1').textContent()).toBe(screen.title);
      expect(await overflowing(page), screen.path).toEqual([]);
      expect(await unlabelled(page), screen.path).toEqual([]);
      await screenshot(page, `walkthrough${screen.path.replaceAll('/', '-')}`);
    }

    // A client's page holds the widest screen: the virtualised inventory table and its filters.
    await page.goto(`${server.url}#/clients`);
    await page.getByRole('table', { name: 'Liste des clients' }).getByRole('link').first().click();
    await expect
      .poll(() => page.getByTestId('inventory-count').textContent())
      .toMatch(/équipements sur/);
    expect(await overflowing(page)).toEqual([]);
    expect(await unlabelled(page)).toEqual([]);
    await screenshot(page, 'walkthrough-client');

    // The demo clients come with a contract, so a visit can be started on them.
    await page.getByRole('link', { name: 'Démarrer une intervention' }).click();
    await expect
      .poll(() => page.getByRole('combobox', { name: /^Contrat/ }).inputValue())
      .not.toBe('');
    expect(await page.getByRole('button', { name: 'Démarrer l’intervention' }).isEnabled()).toBe(
      true,
    );

    expect(errors).toEqual([]);
    await context.close();
  });

  it('reaches every main screen with the keyboard alone, focus always visible', async () => {
    const context = await newFrenchContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}#/clients`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Clients');

    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return {
          text: el.textContent?.trim() ?? '',
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        };
      });
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ text: 'Aller au contenu', outline: true });
    for (const item of NAV_ITEMS) {
      await page.keyboard.press('Tab');
      expect(await focused()).toEqual({ text: item.label, outline: true });
    }

    // Back to the nav link of the inventory, then Enter opens the fleet-wide search.
    const inventory = NAV_ITEMS.findIndex((item) => item.label === 'Inventaire');
    for (let i = NAV_ITEMS.length - 1; i > inventory; i--) await page.keyboard.press('Shift+Tab');
    expect((await focused()).text).toBe('Inventaire');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Recherche dans tout le parc');
    await context.close();
  });

  it('answers in French, in the form, when the settings are saved incomplete; and shows one profile once saved', async () => {
    const context = await newFrenchContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}#/parametres`);

    // The browser's own bubbles ("Please fill out this field.") would follow the OS language.
    await page.getByRole('button', { name: 'Enregistrer le profil' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'Dessinez votre signature.' }).count())
      .toBe(1);
    await page.getByRole('button', { name: 'Enregistrer l’identité' }).click();
    await expect
      .poll(() =>
        page.getByRole('alert').filter({ hasText: 'Ajoutez le logo de la société' }).count(),
      )
      .toBe(1);
    // No native file input is shown (its "Choose File" text is not French): the pickers are French buttons.
    const nativePickers = await page.evaluate(
      () =>
        [...document.querySelectorAll('input[type=file]')].filter(
          (el) => el.getBoundingClientRect().width > 2,
        ).length,
    );
    expect(nativePickers).toBe(0);
    expect(await page.getByText('Choisir un logo…').count()).toBe(1);

    await page.getByLabel('Nom du technicien').fill('Julie Morel');
    await page.getByLabel('Code technicien (2 à 4 lettres)').fill('jm');
    const canvas = page.locator('canvas.signature-canvas');
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + 100);
    await page.mouse.down();
    for (let i = 1; i <= 15; i++)
      await page.mouse.move(box.x + 30 + i * 20, box.y + 100 + (i % 2 ? 30 : -30));
    await page.mouse.up();
    await page.getByRole('button', { name: 'Enregistrer le profil' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Profil enregistré.' }).count())
      .toBe(1);
    // Both settings forms once had the same React key: saving the profile left a stale copy on screen.
    expect(await page.getByRole('heading', { name: 'Profil du technicien' }).count()).toBe(1);
    expect(
      await page.getByRole('img', { name: 'Signature enregistrée du technicien' }).count(),
    ).toBe(1);
    await screenshot(page, 'walkthrough-settings-saved');
    expect(errors).toEqual([]);
    await context.close();
  });
});
