import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { xlsxInventory } from '../fixtures/inventory/files';
import {
  collectPageErrors,
  readAppDb,
  newFrenchContext,
  type RendererServer,
  screenshot,
  useRendererInChromium,
} from './harness';

const HEADER =
  '"Nom";"Type";"Fabricant";"Numéro de série";"Numéro d’inventaire";"Lieu";"Utilisateur"';
const FIRST = [
  HEADER,
  '"COMPTA-01";"Bureau";"HP";"CZC0001";"INV-1";"Siège > Bureau 1";"Anne"',
  '"COMPTA-02";"Bureau";"HP";"CZC0002";"INV-2";"Siège > Bureau 2";"Chloé"',
  '"PORT-01";"Portable";"Dell";"5CD0001";"INV-3";"Siège > Open space";"Nadia"',
  '"ACCUEIL";"Tout-en-un";"Lenovo";"MP1AB2";"INV-4";"Siège > Accueil";""',
  '"IMP-1";"Imprimante";"Brother";"";"INV-5";"Siège > Accueil";""',
  '"TEL-AG";"Téléphone";"Yealink";"YL123";"INV-8";"Agence Rennes > Accueil";""',
];
// The same export a month later: COMPTA-01 changed hands, a new laptop, a duplicate line.
const SECOND = [
  ...FIRST.slice(0, 1),
  FIRST[1]!.replace('"Anne"', '"Bruno"'),
  ...FIRST.slice(2),
  '"PORT-02";"Portable";"Dell";"5CD0002";"INV-6";"Siège > Open space";"Omar"',
  '"PORT-03";"Portable";"Dell";"5CD0002";"INV-7";"Siège > Open space";""',
];
const csv = (lines: readonly string[]) =>
  Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');

async function fill(page: Page, label: string, value: string) {
  await page.getByLabel(label, { exact: true }).fill(value);
}

describe('importing a client’s inventory in real Chromium', () => {
  let server: RendererServer;
  let browser: Browser;
  useRendererInChromium((s, b) => ((server = s), (browser = b)));

  it('maps an unknown value, then re-imports the next export as an update', async () => {
    const context = await newFrenchContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Nouveau client' }).click();
    await fill(page, 'Nom du client', 'Étude Lemaire');
    await page.getByRole('button', { name: 'Enregistrer le client' }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Étude Lemaire');
    await page.getByRole('button', { name: 'Ajouter un site' }).click();
    await fill(page, 'Nom du site', 'Siège');
    await fill(page, 'Adresse', '3 place du Marché');
    await fill(page, 'Code postal', '35000');
    await fill(page, 'Ville du site', 'Rennes');
    await page.getByRole('button', { name: 'Enregistrer le site' }).click();
    await expect.poll(() => page.getByText('3 place du Marché, 35000 Rennes').count()).toBe(1);

    // First import: "Tout-en-un" is unknown; the user files it under "PC fixe".
    await page.getByRole('link', { name: 'Importer un fichier CSV' }).click();
    const fileInput = page.getByLabel('Fichier CSV ou Excel (.xlsx)');
    await fileInput.setInputFiles({ name: 'glpi.csv', mimeType: 'text/csv', buffer: csv(FIRST) });
    await expect
      .poll(() => page.getByTestId('import-summary').textContent())
      .toBe('6 nouveaux, 0 modifié, 0 inchangé, 0 rejeté, 1 avec avertissement.');
    // "Agence Rennes", the first level of GLPI's "Lieu", is not a site yet: created from here.
    await page.getByRole('button', { name: 'Créer le site « Agence Rennes »' }).click();
    await fill(page, 'Adresse du site Agence Rennes', '8 rue de Nantes');
    await fill(page, 'Code postal du site Agence Rennes', '350');
    await fill(page, 'Ville du site Agence Rennes', 'Rennes');
    await page.getByRole('button', { name: 'Créer le site et recalculer l’aperçu' }).click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toBe('Le code postal compte 5 chiffres.');
    await fill(page, 'Code postal du site Agence Rennes', '35000');
    await page.getByRole('button', { name: 'Créer le site et recalculer l’aperçu' }).click();
    await expect
      .poll(() => page.getByTestId('import-summary').textContent())
      .toBe('6 nouveaux, 0 modifié, 0 inchangé, 0 rejeté, 0 avec avertissement.');
    const categories = page.getByRole('table', { name: 'Correspondance des catégories' });
    expect(await categories.textContent()).toContain('Tout-en-un inconnue : libellé gardé');
    const allInOne = page.getByLabel('Catégorie pour « Tout-en-un »');
    expect(await allInOne.inputValue()).toBe('other');
    expect(await page.getByLabel('Catégorie pour « Bureau »').inputValue()).toBe('desktop');
    await allInOne.selectOption('desktop');
    await expect.poll(() => allInOne.inputValue()).toBe('desktop');
    await screenshot(page, 'inventory-import-mapping');
    await page.getByRole('button', { name: 'Importer (6 équipements)' }).click();
    await expect
      .poll(() => page.getByTestId('import-report').textContent())
      .toBe(
        'glpi.csv : 6 équipements ajoutés, 0 mis à jour, 0 inchangé, 0 ligne rejetée, 0 avec avertissement.',
      );
    await page.getByRole('link', { name: 'Voir l’inventaire' }).click();
    await expect
      .poll(() => page.getByTestId('inventory-count').textContent())
      .toBe('6 équipements sur 6');
    expect(await page.getByRole('row', { name: /YL123/ }).textContent()).toContain('Agence Rennes');
    const accueil = await page.getByRole('row', { name: /MP1AB2/ }).textContent();
    expect(accueil).toContain('PC fixe (Tout-en-un)');

    // A month later: the same export again, with one change, one new laptop, one duplicate.
    await page.getByRole('link', { name: 'Importer un fichier CSV' }).click();
    await fileInput.setInputFiles({
      name: 'glpi-decembre.csv',
      mimeType: 'text/csv',
      buffer: csv(SECOND),
    });
    await expect
      .poll(() => page.getByTestId('import-summary').textContent())
      .toBe('1 nouveau, 1 modifié, 5 inchangés, 1 rejeté, 0 avec avertissement.');
    // The choice made last time is remembered for this client.
    expect(await page.getByLabel('Catégorie pour « Tout-en-un »').inputValue()).toBe('desktop');
    expect(await page.getByRole('table', { name: 'Modifications' }).textContent()).toContain(
      'Utilisateur : Anne → Bruno',
    );
    expect(await page.getByRole('table', { name: 'Lignes rejetées' }).textContent()).toContain(
      'Numéro de série : « 5CD0002 » déjà présent ligne 8',
    );
    // Every accepted row can be browsed before importing.
    await page.getByText('Parcourir les 7 lignes acceptées').click();
    expect(
      await page.getByRole('table', { name: 'Lignes acceptées' }).locator('tbody tr').count(),
    ).toBe(7);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger les lignes rejetées (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('glpi-decembre-lignes-rejetees.csv');
    const rejectedCsv = Buffer.concat(await (await download.createReadStream()).toArray()).toString(
      'utf8',
    );
    expect(rejectedCsv.split('\r\n').slice(0, 2)).toEqual([
      '\uFEFFNom;Type;Fabricant;Numéro de série;Numéro d’inventaire;Lieu;Utilisateur;Ligne;Motif du rejet',
      'PORT-03;Portable;Dell;5CD0002;INV-7;Siège > Open space;;9;Numéro de série : « 5CD0002 » déjà présent ligne 8',
    ]);
    await screenshot(page, 'inventory-reimport-preview');
    await page.getByRole('button', { name: 'Importer (2 équipements)' }).click();
    await expect
      .poll(() => page.getByTestId('import-report').textContent())
      .toBe(
        'glpi-decembre.csv : 1 équipement ajouté, 1 mis à jour, 5 inchangés, 1 ligne rejetée, 0 avec avertissement.',
      );
    await page.getByRole('link', { name: 'Voir l’inventaire' }).click();
    await expect
      .poll(() => page.getByTestId('inventory-count').textContent())
      .toBe('7 équipements sur 7');
    expect(await page.getByRole('row', { name: /CZC0001/ }).textContent()).toContain('Bruno');
    // What the office will receive, as Chromium stored it: each import's creations in one outbox
    // row (renderer/db/outbox-row.ts), ids in order with no repeat, the update after them.
    const queued = (await readAppDb(page, 'outbox')).map((row) => {
      const created = row['created'] as { mutationId: number }[] | undefined;
      return {
        entity: row['entity'],
        batch: Array.isArray(created),
        ids: created ? created.map((c) => c.mutationId) : [row['mutationId'] as number],
      };
    });
    const equipment = queued.filter((row) => row.entity === 'equipment');
    expect(equipment.map((row) => [row.batch, row.ids.length])).toEqual([
      [true, 6],
      [true, 1],
      [false, 1],
    ]);
    const ids = queued.flatMap((row) => row.ids);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);

    // An .xlsx is read in the browser too.
    await page.getByRole('link', { name: 'Importer un fichier CSV' }).click();
    await fileInput.setInputFiles({
      name: 'inventaire.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await xlsxInventory()),
    });
    await expect
      .poll(() => page.getByTestId('import-reading').textContent())
      .toContain('Classeur Excel (.xlsx), première feuille, 6 lignes de données.');
    await expect
      .poll(() => page.getByTestId('import-summary').textContent())
      .toBe('5 nouveaux, 0 modifié, 0 inchangé, 1 rejeté, 0 avec avertissement.');

    expect(errors).toEqual([]);
    await context.close();
  });
});
