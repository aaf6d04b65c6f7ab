import type { Browser } from 'playwright-core';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, login, PASSWORD, startTestServer, TestDevice } from '../server/helpers';
import type { TestServer } from '../server/helpers';
import {
  collectPageErrors,
  launchChromium,
  newFrenchContext,
  screenshot,
  startRendererServer,
} from './harness';

/** The office's Administration screen in real Chromium: accounts and assignments. */
describe('office administration on the first day, in real Chromium', () => {
  let renderer: Awaited<ReturnType<typeof startRendererServer>>;
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    renderer = await startRendererServer();
    server = await startTestServer('pglite', { allowLoopbackOrigins: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await renderer?.close();
    await server?.close();
  });

  it('assigns several clients to several technicians at once, resets a password, disables an account', async () => {
    const url = renderer.url;
    const device = new TestDevice(server.office.api);
    const rouen = [uuidv7(), uuidv7(), uuidv7()];
    await device.push([
      ...rouen.map((id, i) =>
        device.upsert('clients', id, { name: `Client ${i + 1}`, city: 'Rouen' }),
      ),
      device.upsert('clients', uuidv7(), { name: 'Client de Caen', city: 'Caen' }),
    ]);

    const context = await newFrenchContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${url}#/synchronisation`);
    await page.getByLabel('Adresse du serveur').fill(server.url);
    await page.getByLabel('E-mail').fill(server.office.email);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByTestId('sync-result').count(), { timeout: 30_000 }).toBe(1);
    await page.getByRole('link', { name: /^Administration/ }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Administration');

    // Several clients (found by their city) to both technicians, in one action.
    for (const name of ['Jean Dupont', 'Marie Curie'])
      await page.getByRole('checkbox', { name: new RegExp(`^${name}`) }).check();
    await page.getByLabel('Rechercher un client à attribuer').fill('Rouen');
    await expect
      .poll(() =>
        page.getByRole('table', { name: 'Clients à attribuer' }).locator('tbody tr').count(),
      )
      .toBe(3);
    await page.getByRole('button', { name: 'Tout cocher (3)' }).click();
    await page.getByRole('button', { name: 'Attribuer 3 client(s) à 2 technicien(s)' }).click();
    await expect
      .poll(() => page.getByTestId('admin-notice').first().textContent())
      .toBe('Clients attribués.');
    expect(
      await count(
        server.db,
        'SELECT count(*) AS n FROM assignments WHERE client_id = ANY($1::uuid[])',
        [rouen],
      ),
    ).toBe(6);
    await expect
      .poll(() => page.getByRole('table', { name: 'Clients à attribuer' }).textContent())
      .toContain('Jean Dupont, Marie Curie');
    await screenshot(page, 'first-day-admin');

    // A new password for Marie: her sessions end, the new password works.
    const row = page.getByTestId('account-row').filter({ hasText: server.tech2.email });
    await row.getByRole('button', { name: 'Nouveau mot de passe' }).click();
    await row.getByLabel('Nouveau mot de passe de Marie Curie').fill('court');
    await row.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => row.getByRole('alert').textContent()).toMatch(/12 caractères/);
    await row.getByLabel('Nouveau mot de passe de Marie Curie').fill('un nouveau mot de passe');
    await row.getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(() => page.getByTestId('admin-notice').first().textContent())
      .toContain('Mot de passe de Marie Curie changé');
    expect(await login(server.url, server.tech2.email, 'un nouveau mot de passe')).toBeTruthy();

    // Jean leaves: disabled, he can no longer log in.
    const jean = page.getByTestId('account-row').filter({ hasText: server.tech1.email });
    await jean.getByRole('button', { name: 'Désactiver' }).click();
    await expect.poll(() => jean.textContent()).toContain('Désactivé');
    await expect(login(server.url, server.tech1.email, PASSWORD)).rejects.toThrow(/401/);
    await jean.getByRole('button', { name: 'Réactiver' }).click();
    await expect.poll(() => jean.textContent()).toContain('Actif');
    expect(errors).toEqual([]);
    await context.close();
  });
});
