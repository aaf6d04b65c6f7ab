import { execFileSync } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestServer, TestDevice } from '../server/helpers';
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
  readAppDb,
} from './harness';
import { MINUTE, T0 } from './lefevre-office';
import { typeDate } from './date-input';

/**
 * The first day, end to end, in real Chromium with two browser profiles and the real server on
 * PGlite: a technician starts offline with no account, creates a client, imports its inventory
 * and seals two reports; the office sets up the technician's account in the app; the technician
 * logs in and syncs; the office finds the client "à valider" and both signed reports, and
 * validates (or merges) the client; the technician keeps everything.
 */
const TECH_PASSWORD = 'mot de passe du technicien';
const ENTITIES = [
  'clients',
  'sites',
  'contracts',
  'equipment',
  'interventions',
  'reports',
] as const;
type Counts = Record<(typeof ENTITIES)[number], number>;

const CSV = [
  'Nom;Type;Fabricant;Modèle;Numéro de série;Site;Statut',
  'CAISSE-01;Ordinateur portable;Dell;Latitude 5440;FD-0001;Boutique;En service',
  'SRV-01;Serveur;Dell;PowerEdge T150;FD-0002;Boutique;En service',
  'IMP-01;Imprimante;HP;LaserJet M404;FD-0003;Boutique;En service',
].join('\r\n');

/** What the laptop holds, per entity, read from its IndexedDB. */
async function localCounts(page: Page): Promise<Counts> {
  return page.evaluate(async (entities) => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const request = indexedDB.open('bordereau');
      request.onsuccess = () => ok(request.result);
      request.onerror = () => ko(request.error);
    });
    const counts: Record<string, number> = {};
    for (const name of entities) {
      counts[name] = await new Promise<number>((ok, ko) => {
        const request = db.transaction(name).objectStore(name).count();
        request.onsuccess = () => ok(request.result);
        request.onerror = () => ko(request.error);
      });
    }
    db.close();
    return counts as Counts;
  }, ENTITIES);
}

/** Live records the server files under a client, per entity. */
async function serverCounts(server: TestServer, clientId: string): Promise<Counts> {
  const result = await server.db.query<{ entity: string; n: number }>(
    'SELECT entity, count(*)::int AS n FROM records WHERE client_id = $1 AND NOT deleted GROUP BY entity',
    [clientId],
  );
  const counts = Object.fromEntries(ENTITIES.map((e) => [e, 0])) as Counts;
  for (const row of result.rows)
    if (row.entity in counts) counts[row.entity as keyof Counts] = row.n;
  return counts;
}

const fill = (page: Page, label: string, value: string) =>
  page.getByLabel(label, { exact: true }).fill(value);

/** Offline, no account: a new client with its site, contract and imported inventory. */
async function createClientOffline(page: Page, url: string, name: string): Promise<string> {
  await page.goto(`${url}#/clients`);
  await page.getByRole('button', { name: 'Nouveau client' }).click();
  await fill(page, 'Nom du client', name);
  await fill(page, 'Ville', 'Rouen');
  await page.getByRole('button', { name: 'Enregistrer le client' }).click();
  await expect.poll(() => page.locator('h1').first().textContent()).toContain(name);
  const clientId = /#\/clients\/([0-9a-f-]{36})/.exec(page.url())![1]!;

  await page.getByRole('button', { name: 'Ajouter un site' }).click();
  await fill(page, 'Nom du site', 'Boutique');
  await fill(page, 'Adresse', '5 rue du Gros-Horloge');
  await fill(page, 'Code postal', '76000');
  await fill(page, 'Ville du site', 'Rouen');
  await page.getByRole('button', { name: 'Enregistrer le site' }).click();
  await expect.poll(() => page.getByText('5 rue du Gros-Horloge, 76000 Rouen').count()).toBe(1);

  await page.getByRole('button', { name: 'Ajouter un contrat' }).click();
  await fill(page, 'Référence du contrat', 'CT-TERRAIN-1');
  await typeDate(page, 'Début du contrat', '2026-11-01');
  await fill(page, 'Taux horaire HT (€)', '80');
  await page.getByRole('button', { name: 'Enregistrer le contrat' }).click();
  await expect.poll(() => page.getByText('CT-TERRAIN-1').count()).toBeGreaterThan(0);

  await page.getByRole('link', { name: 'Importer un fichier CSV' }).click();
  await page.getByLabel('Fichier CSV ou Excel (.xlsx)').setInputFiles({
    name: 'parc.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV, 'utf8'),
  });
  await page.getByRole('button', { name: 'Importer (3 équipements)' }).click();
  await expect
    .poll(() => page.getByTestId('import-report').textContent())
    .toContain('3 équipements ajoutés');
  return clientId;
}

/** A whole visit up to the client's signature, sealed on this laptop. */
async function sealVisit(
  page: Page,
  url: string,
  clientId: string,
  at: number,
  code: string,
): Promise<void> {
  await page.clock.setFixedTime(at - 5 * MINUTE);
  await page.goto(`${url}#/interventions/nouvelle?client=${clientId}`);
  await expect.poll(() => page.getByRole('combobox', { name: /^Site/ }).inputValue()).not.toBe('');
  await page.getByLabel('Objet de la demande').fill('Caisse enregistreuse bloquée');
  await page.getByLabel('Représentant du client présent').fill('Paul Martin');
  await page.getByLabel('Fonction', { exact: true }).fill('Gérant');
  await page.getByLabel(/Le client confirme disposer d’une sauvegarde/).check();
  await page.clock.setFixedTime(at);
  await page.getByRole('button', { name: 'Démarrer l’intervention' }).click();
  await expect.poll(() => page.getByTestId('timer-state').textContent()).toBe('En cours');
  await page.clock.setFixedTime(at + 50 * MINUTE);
  await page.getByRole('button', { name: 'Terminer la visite' }).click();
  await expect.poll(() => page.getByTestId('timer-state').textContent()).toBe('Terminée');
  await page.getByLabel('Travaux réalisés').fill('Redémarrage du poste et mise à jour du pilote.');
  await page.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'Enregistré.' }).count())
    .toBe(1);
  await page.getByRole('link', { name: 'Passer à la signature' }).click();
  // The technician's profile is asked once, on the first signature.
  await expect
    .poll(
      async () =>
        (await page.getByLabel('Nom du signataire').count()) +
        (await page.getByLabel('Nom du technicien').count()),
    )
    .toBeGreaterThan(0);
  if ((await page.getByLabel('Nom du technicien').count()) > 0) {
    await saveTechnicianProfile(page, 'Julien Durand', code);
  }
  await expect.poll(() => page.getByLabel('Nom du signataire').inputValue()).toBe('Paul Martin');
  await drawOn(page, 'Signature du client');
  await page.clock.setFixedTime(at + 55 * MINUTE);
  await page.getByRole('button', { name: 'Signer et sceller le bordereau' }).click();
  await expect
    .poll(() => page.getByTestId('report-status').textContent(), { timeout: 20_000 })
    .toContain('Signé par le client et le technicien');
}

async function logIn(page: Page, url: string, apiUrl: string, email: string, password: string) {
  await page.goto(`${url}#/synchronisation`);
  await page.getByLabel('Adresse du serveur').fill(apiUrl);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect.poll(() => page.getByTestId('sync-account').textContent()).toContain(email);
}

async function syncAndWait(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/synchronisation`);
  const button = page.getByRole('button', { name: 'Synchroniser maintenant' });
  await expect.poll(() => button.isEnabled(), { timeout: 30_000 }).toBe(true);
  await button.click();
  await expect
    .poll(() => page.getByTestId('sync-pending').textContent(), { timeout: 30_000 })
    .toBe('0');
  await expect.poll(() => button.isEnabled(), { timeout: 30_000 }).toBe(true);
  await expect.poll(() => page.getByTestId('sync-result').count(), { timeout: 30_000 }).toBe(1);
}

/** The office creates the technician's account on the Administration screen. */
async function createTechnicianInApp(office: Page, url: string, email: string): Promise<void> {
  await office.goto(`${url}#/administration`);
  await office.getByRole('button', { name: 'Nouveau compte' }).click();
  await office.getByLabel('Nom', { exact: true }).fill('Julien Durand');
  await office.getByLabel('E-mail du compte').fill(email);
  await office.getByLabel('Rôle').selectOption('technician');
  await office.getByLabel('Mot de passe initial').fill(TECH_PASSWORD);
  await office.getByRole('button', { name: 'Créer le compte' }).click();
  await expect
    .poll(() => office.getByTestId('admin-notice').first().textContent())
    .toContain(`Compte créé : ${email}`);
  await expect
    .poll(() => office.getByRole('table', { name: 'Comptes' }).textContent())
    .toContain(email);
}

/** The technician's day until the first sync; returns the laptop's counts before it. */
async function technicianDay(
  browser: Browser,
  url: string,
  clientName: string,
  visits: number,
  // A technician code belongs to one account on the server (two laptops never share one).
  code: string,
): Promise<{
  context: BrowserContext;
  page: Page;
  clientId: string;
  errors: string[];
  before: Counts;
}> {
  const context = await newFrenchContext(browser);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${url}#/clients`);
  await expect.poll(() => page.getByTestId('first-run-guide').count()).toBe(1);
  await page.waitForFunction(async () =>
    (await indexedDB.databases()).some((d) => d.name === 'bordereau'),
  );
  await saveCompanyIdentity(page);
  await goOffline(context, page);
  const clientId = await createClientOffline(page, url, clientName);
  for (let i = 0; i < visits; i++)
    await sealVisit(page, url, clientId, T0 + i * 24 * 60 * MINUTE, code);
  const before = await localCounts(page);
  return { context, page, clientId, errors, before };
}

/** Logs the technician in, confirms the first sync after reading what it will do, syncs. */
async function firstSync(
  page: Page,
  context: BrowserContext,
  url: string,
  apiUrl: string,
  email: string,
) {
  await context.setOffline(false);
  await logIn(page, url, apiUrl, email, TECH_PASSWORD);
  const confirm = page.getByTestId('first-sync');
  await expect.poll(() => confirm.count(), { timeout: 30_000 }).toBe(1);
  expect(await confirm.textContent()).toMatch(/créés sur le terrain, à valider/);
  expect(await confirm.textContent()).toMatch(/bordereau\(x\) signé\(s\) seront remis au bureau/);
  expect(await confirm.textContent()).toMatch(/contrat\(s\).*resteront sur cet ordinateur/);
  await screenshot(page, 'first-day-confirmation');
  await page.getByRole('button', { name: 'Confirmer et synchroniser' }).click();
  await expect
    .poll(() => page.getByTestId('sync-pending').textContent(), { timeout: 60_000 })
    .toBe('0');
  await syncAndWait(page, url);
}

const onlyOfflineNoise = (errors: string[]) =>
  errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e));

describe('the first day of an office and its technician, in real Chromium', () => {
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

  it('offline work reaches the office, the client is validated, and the technician keeps everything', async () => {
    const url = renderer.url;
    const email = `julien.${uuidv7().slice(-6)}@exemple.fr`;
    const tech = await technicianDay(browser, url, 'Boulangerie Martin', 2, 'JD');
    expect(tech.before).toEqual({
      clients: 1,
      sites: 1,
      contracts: 1,
      equipment: 3,
      interventions: 2,
      reports: 2,
    });

    // The office sets up its technician's account in the app.
    const officeContext = await newFrenchContext(browser);
    const office = await officeContext.newPage();
    const officeErrors = collectPageErrors(office);
    await logIn(office, url, server.url, server.office.email, PASSWORD);
    await createTechnicianInApp(office, url, email);

    await firstSync(tech.page, tech.context, url, server.url, email);
    // Everything stays on the laptop; the contract (office only) is kept, marked.
    expect(await localCounts(tech.page)).toEqual(tech.before);
    expect(await serverCounts(server, tech.clientId)).toEqual({ ...tech.before, contracts: 0 });
    await tech.page.goto(`${url}#/clients/${tech.clientId}`);
    await expect.poll(() => tech.page.getByTestId('refusal-notice').count()).toBe(1);
    expect(await tech.page.getByTestId('refusal-notice').textContent()).toMatch(
      /Contrat.*tarifs par défaut/,
    );
    expect(await tech.page.getByTestId('field-client-pending').count()).toBe(1);
    await screenshot(tech.page, 'first-day-technician-client');

    // The office: the client "à valider", both signed reports with their PDFs.
    await syncAndWait(office, url);
    await office.goto(`${url}#/administration`);
    const entry = office.getByTestId('field-client').filter({ hasText: 'Boulangerie Martin' });
    await expect.poll(() => entry.count(), { timeout: 30_000 }).toBe(1);
    expect(await entry.textContent()).toContain('Créé par Julien Durand');
    await screenshot(office, 'first-day-validation-queue');
    await office.goto(`${url}#/bureau`);
    for (const number of ['BI-2026-JD-0001', 'BI-2026-JD-0002']) {
      const row = office.getByTestId('office-table').getByRole('row').filter({ hasText: number });
      await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('Signé');
      const [pdf] = await Promise.all([
        office.waitForEvent('download'),
        row.getByRole('button', { name: 'PDF signé' }).click(),
      ]);
      const text = execFileSync('pdftotext', ['-layout', await pdf.path(), '-'], {
        encoding: 'utf8',
      });
      expect(text).toContain(number);
      expect(text).toContain('Paul Martin');
    }
    await office.goto(`${url}#/administration`);
    await entry.getByRole('button', { name: 'Valider' }).click();
    await expect.poll(() => entry.count(), { timeout: 30_000 }).toBe(0);

    await syncAndWait(tech.page, url);
    await tech.page.goto(`${url}#/clients/${tech.clientId}`);
    await expect.poll(() => tech.page.getByTestId('field-client-pending').count()).toBe(0);
    expect(await localCounts(tech.page)).toEqual(tech.before);
    expect(await serverCounts(server, tech.clientId)).toEqual({ ...tech.before, contracts: 0 });
    expect(onlyOfflineNoise(tech.errors)).toEqual([]);
    expect(officeErrors).toEqual([]);
    await tech.context.close();
    await officeContext.close();
  });

  it('the office merges the technician’s client into the existing one: everything moves, on both sides', async () => {
    const url = renderer.url;
    const email = `lea.${uuidv7().slice(-6)}@exemple.fr`;
    // The client already exists at the office (same name).
    const existingId = uuidv7();
    const device = new TestDevice(server.office.api);
    await device.push([
      device.upsert('clients', existingId, { name: 'Garage Petit', city: 'Rouen' }),
    ]);

    const tech = await technicianDay(browser, url, 'GARAGE PETIT', 1, 'LM');
    const officeContext = await newFrenchContext(browser);
    const office = await officeContext.newPage();
    const officeErrors = collectPageErrors(office);
    await logIn(office, url, server.url, server.office.email, PASSWORD);
    await createTechnicianInApp(office, url, email);
    await firstSync(tech.page, tech.context, url, server.url, email);

    await syncAndWait(office, url);
    await office.goto(`${url}#/administration`);
    const entry = office.getByTestId('field-client').filter({ hasText: 'GARAGE PETIT' });
    await expect.poll(() => entry.count(), { timeout: 30_000 }).toBe(1);
    expect(await entry.textContent()).toContain('Ressemble à : Garage Petit');
    expect(
      await entry.getByRole('combobox', { name: /Client existant où fusionner/ }).inputValue(),
    ).toBe(existingId);
    // Merging asks first, in the page's own dialog: « Annuler » leaves the client à valider.
    const confirm = office.getByRole('dialog', {
      name: /Fusionner « GARAGE PETIT » dans « Garage Petit »/,
    });
    await entry.getByRole('button', { name: 'Fusionner' }).click();
    await expect.poll(() => confirm.isVisible()).toBe(true);
    await confirm.getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(() => confirm.isVisible()).toBe(false);
    expect(await entry.count()).toBe(1);
    await entry.getByRole('button', { name: 'Fusionner' }).click();
    await confirm.getByRole('button', { name: 'Fusionner' }).click();
    await expect.poll(() => entry.count(), { timeout: 30_000 }).toBe(0);

    // On the server: everything under the existing client, nothing left under the other.
    const moved = { ...tech.before, clients: 1, contracts: 0 };
    expect(await serverCounts(server, existingId)).toEqual(moved);
    expect(await serverCounts(server, tech.clientId)).toEqual({
      ...moved,
      clients: 0,
      sites: 0,
      equipment: 0,
      interventions: 0,
      reports: 0,
    });

    // On the technician's laptop, after a sync: the same, and nothing lost.
    await syncAndWait(tech.page, url);
    await tech.page.goto(`${url}#/clients/${existingId}`);
    await expect
      .poll(() => tech.page.locator('h1').first().textContent())
      .toContain('Garage Petit');
    const local = await localCounts(tech.page);
    // The refused contract stays on the laptop (under the merged client's old id).
    expect(local).toEqual({ ...tech.before, clients: 1 });
    const reports = (await readAppDb(tech.page, 'reports')).filter(
      (r) => r.clientId === existingId,
    ).length;
    expect(reports).toBe(tech.before.reports);
    expect(onlyOfflineNoise(tech.errors)).toEqual([]);
    expect(officeErrors).toEqual([]);
    await tech.context.close();
    await officeContext.close();
  });

  it('explains a server that refuses this page (CORS) instead of calling it unreachable', async () => {
    // A server that does not allow the renderer's origin (not on loopback allowance).
    const strict = await startTestServer('pglite', { allowedOrigins: ['app://bordereau'] });
    const context = await newFrenchContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(`${renderer.url}#/synchronisation`);
      await page.getByLabel('Adresse du serveur').fill(strict.url);
      await page.getByLabel('E-mail').fill(strict.office.email);
      await page.getByLabel('Mot de passe').fill(PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      const alert = page.getByRole('alert');
      await expect
        .poll(() => alert.first().textContent(), { timeout: 30_000 })
        .toMatch(
          /répond, mais refuse cette page \(http:\/\/127\.0\.0\.1:\d+\).*BORDEREAU_ALLOWED_ORIGINS/,
        );
      expect(await alert.first().textContent()).not.toMatch(/injoignable/);
    } finally {
      await context.close();
      await strict.close();
    }
  });
});
