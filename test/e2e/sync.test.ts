import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestServer } from '../server/helpers';
import type { TestServer } from '../server/helpers';
import {
  collectPageErrors,
  drawOn,
  goOffline,
  launchChromium,
  newFrenchContext,
  screenshot,
  startRendererServer,
  saveTechnicianProfile,
  saveCompanyIdentity,
} from './harness';
import { CLIENT_ID, EQUIPMENT_ID, pushLefevreOffice, MINUTE, SITE_ID, T0 } from './lefevre-office';

/** The office's data, created on the server as the office would (one push). */
async function seedOffice(server: TestServer): Promise<void> {
  const res = await pushLefevreOffice(server);
  expect(res.body.results.map((r) => r.status)).toEqual([
    'applied',
    'applied',
    'applied',
    'applied',
  ]);
}

/**
 * The renderer talks to the office server directly, on another origin, as the packaged app
 * (app://bordereau) does: every request goes through Chromium's real CORS checks.
 */
async function logIn(
  page: Page,
  rendererUrl: string,
  apiUrl: string,
  email: string,
): Promise<void> {
  await page.goto(`${rendererUrl}#/synchronisation`);
  await page.getByLabel('Adresse du serveur').fill(apiUrl);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect.poll(() => page.getByTestId('sync-account').textContent()).toContain(email);
  await expect.poll(() => page.getByTestId('sync-result').count(), { timeout: 30_000 }).toBe(1);
}

async function syncAndWait(page: Page, rendererUrl: string): Promise<void> {
  await page.goto(`${rendererUrl}#/synchronisation`);
  await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  await expect
    .poll(() => page.getByTestId('sync-pending').textContent(), { timeout: 30_000 })
    .toBe('0');
  await expect
    .poll(() => page.getByRole('button', { name: 'Synchroniser maintenant' }).isEnabled(), {
      timeout: 30_000,
    })
    .toBe(true);
}

describe('sync between a technician working offline and the office, in real Chromium', () => {
  let renderer: Awaited<ReturnType<typeof startRendererServer>>;
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    renderer = await startRendererServer();
    server = await startTestServer('pglite', { allowedOrigins: [new URL(renderer.url).origin] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await renderer?.close();
    await server?.close();
  });

  it('a report signed offline reaches the office once back online, and an office edit reaches the technician', async () => {
    await seedOffice(server);
    const url = renderer.url;

    // The technician logs in while online and receives the client.
    const techContext = await newFrenchContext(browser);
    const tech = await techContext.newPage();
    const techErrors = collectPageErrors(tech);
    await tech.clock.setFixedTime(T0 - 5 * MINUTE);
    await logIn(tech, url, server.url, server.tech1.email);
    await saveCompanyIdentity(tech);
    await tech.goto(`${url}#/clients/${CLIENT_ID}`);
    await expect.poll(() => tech.locator('h1').textContent()).toBe('Cabinet Lefèvre & Associés');

    // On site, no network: the whole visit, up to the client's signature.
    await goOffline(techContext, tech);
    await tech.goto(`${url}#/interventions/nouvelle?client=${CLIENT_ID}`);
    await expect
      .poll(() => tech.getByRole('combobox', { name: /^Site/ }).inputValue())
      .toBe(SITE_ID);
    await tech.getByLabel('Objet de la demande').fill('Serveur de fichiers très lent');
    await tech.getByLabel('Représentant du client présent').fill('Hélène Lefèvre');
    await tech.getByLabel('Fonction', { exact: true }).fill('Gérante');
    await tech.getByLabel(/Le client confirme disposer d’une sauvegarde/).check();
    await tech.clock.setFixedTime(T0);
    await tech.getByRole('button', { name: 'Démarrer l’intervention' }).click();
    await expect.poll(() => tech.getByTestId('timer-state').textContent()).toBe('En cours');
    await tech.clock.setFixedTime(T0 + 165 * MINUTE);
    await tech.getByRole('button', { name: 'Terminer la visite' }).click();
    await expect.poll(() => tech.getByTestId('timer-state').textContent()).toBe('Terminée');
    await tech
      .getByLabel('Travaux réalisés')
      .fill('Remplacement du disque n° 3 de la grappe RAID et reconstruction.');
    await tech.getByLabel(/Serveur Dell PowerEdge T350/).check();
    await tech.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
    await expect
      .poll(() => tech.getByRole('status').filter({ hasText: 'Enregistré.' }).count())
      .toBe(1);
    await tech.getByRole('link', { name: 'Passer à la signature' }).click();
    await saveTechnicianProfile(tech, 'Julien Durand', 'JD');
    await expect
      .poll(() => tech.getByLabel('Nom du signataire').inputValue())
      .toBe('Hélène Lefèvre');
    await drawOn(tech, 'Signature du client');
    await tech.clock.setFixedTime(T0 + 170 * MINUTE);
    await tech.getByRole('button', { name: 'Signer et sceller le bordereau' }).click();
    await expect
      .poll(() => tech.getByTestId('report-status').textContent(), { timeout: 20_000 })
      .toContain('Signé par le client et le technicien');

    // Still offline: the changes wait, and the screen says so.
    await tech.goto(`${url}#/synchronisation`);
    await expect
      .poll(async () => Number(await tech.getByTestId('sync-pending').textContent()))
      .toBeGreaterThan(0);
    await tech.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await expect.poll(() => tech.getByTestId('sync-error').textContent()).toContain('injoignable');
    await screenshot(tech, 'sync-offline');

    // Back online: the app syncs on its own.
    await techContext.setOffline(false);
    await expect
      .poll(() => tech.getByTestId('sync-pending').textContent(), { timeout: 60_000 })
      .toBe('0');

    // The office, on another laptop, sees the signed report.
    const officeContext = await newFrenchContext(browser);
    const office = await officeContext.newPage();
    const officeErrors = collectPageErrors(office);
    await logIn(office, url, server.url, server.office.email);
    await office.goto(`${url}#/bureau`);
    const row = office
      .getByTestId('office-table')
      .getByRole('row')
      .filter({ hasText: 'BI-2026-JD-0001' });
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('Signé');
    expect(await row.textContent()).toContain('Cabinet Lefèvre & Associés');
    expect(await row.textContent()).toContain('Julien Durand');
    const [pdf] = await Promise.all([
      office.waitForEvent('download'),
      row.getByRole('button', { name: 'PDF signé' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe('BI-2026-JD-0001.pdf');
    const pdfText = execFileSync('pdftotext', ['-layout', await pdf.path(), '-'], {
      encoding: 'utf8',
    });
    expect(pdfText).toContain('BI-2026-JD-0001');
    expect(pdfText).toContain('Hélène Lefèvre');
    await row.getByRole('button', { name: 'Marquer facturé' }).click();
    await expect.poll(() => row.textContent()).toContain('Facturé');
    const [download] = await Promise.all([
      office.waitForEvent('download'),
      office.getByRole('button', { name: /Exporter les lignes facturables/ }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFFN° bordereau;')).toBe(true);
    expect(csv).toContain('BI-2026-JD-0001');
    await screenshot(office, 'sync-office-review');

    // The office corrects the client's city; the technician receives it.
    await office.goto(`${url}#/clients/${CLIENT_ID}`);
    await office.getByRole('button', { name: 'Modifier le client' }).click();
    await office.getByLabel('Ville').fill('Saint-Mandé');
    await office.getByRole('button', { name: 'Enregistrer le client' }).click();
    await syncAndWait(office, url);
    await syncAndWait(tech, url);
    await tech.goto(`${url}#/clients/${CLIENT_ID}`);
    await expect.poll(() => tech.locator('.facts').first().textContent()).toContain('Saint-Mandé');

    const reports = await server.db.query<{ sealed: boolean }>(
      "SELECT sealed FROM records WHERE entity = 'reports'",
    );
    expect(reports.rows).toEqual([{ sealed: true }]);
    // The invoice mark went to the server on the visit, not on the sealed report.
    const visits = await server.db.query<{ data: { invoicedAt?: unknown } }>(
      "SELECT data FROM records WHERE entity = 'interventions'",
    );
    expect(visits.rows).toHaveLength(1);
    expect(typeof visits.rows[0]!.data.invoicedAt).toBe('number');
    // Offline fetch failures are logged by Chromium as console errors: only those are expected.
    expect(
      techErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)),
    ).toEqual([]);
    expect(officeErrors).toEqual([]);
    await techContext.close();
    await officeContext.close();
  });
  it('shows a conflict between two technicians and applies the choice everywhere', async () => {
    const url = renderer.url;
    await server.assign(server.tech2, CLIENT_ID);
    const open = async (email: string) => {
      const context = await newFrenchContext(browser);
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await logIn(page, url, server.url, email);
      return { context, page, errors };
    };
    const setLocation = async (page: Page, value: string) => {
      await page.goto(`${url}#/clients/${CLIENT_ID}/equipment/${EQUIPMENT_ID}`);
      await expect
        .poll(() => page.getByLabel('Emplacement (pièce, baie)').inputValue())
        .not.toBe('');
      await page.getByLabel('Emplacement (pièce, baie)').fill(value);
      await page.getByRole('button', { name: 'Enregistrer l’équipement' }).click();
      // Saved: the form closes and goes back to the client.
      await expect.poll(() => page.url()).not.toContain('/equipment/');
    };
    const a = await open(server.tech1.email);
    const b = await open(server.tech2.email);

    // B works offline while A's change reaches the server first.
    await goOffline(b.context, b.page);
    await setLocation(a.page, 'Baie A');
    await syncAndWait(a.page, url);
    await setLocation(b.page, 'Baie B');
    await b.context.setOffline(false);
    await b.page.goto(`${url}#/synchronisation`);
    const conflict = b.page.getByRole('article', { name: 'Conflit : Équipement' });
    await expect.poll(() => conflict.count(), { timeout: 60_000 }).toBe(1);
    expect(await conflict.textContent()).toContain('Modifié des deux côtés');
    expect(await conflict.textContent()).toContain('Baie B');
    expect(await conflict.textContent()).toContain('Baie A');
    await screenshot(b.page, 'sync-conflict');

    // B keeps its own value; A receives it and the conflict closes on both laptops.
    await conflict.getByRole('button', { name: 'Garder tout le mien' }).click();
    await expect.poll(() => conflict.count()).toBe(0);
    await syncAndWait(b.page, url);
    await syncAndWait(a.page, url);
    expect(await a.page.getByRole('article', { name: 'Conflit : Équipement' }).count()).toBe(0);
    await a.page.goto(`${url}#/clients/${CLIENT_ID}/equipment/${EQUIPMENT_ID}`);
    await expect
      .poll(() => a.page.getByLabel('Emplacement (pièce, baie)').inputValue())
      .toBe('Baie B');
    const stored = await server.db.query<{ data: { location: string } }>(
      "SELECT data FROM records WHERE entity = 'equipment' AND id = $1",
      [EQUIPMENT_ID],
    );
    expect(stored.rows[0]!.data.location).toBe('Baie B');
    expect(a.errors).toEqual([]);
    expect(
      b.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)),
    ).toEqual([]);
    await a.context.close();
    await b.context.close();
  });
});
