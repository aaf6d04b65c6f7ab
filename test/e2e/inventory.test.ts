import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  collectPageErrors,
  newFrenchContext,
  type RendererServer,
  screenshot,
  useRendererInChromium,
} from './harness';
import { dateFieldText, typeDate } from './date-input';

const CSV = [
  'Nom;Type;Fabricant;Modèle;Numéro de série;Site;Statut',
  'COMPTA-02;Ordinateur portable;Dell;Latitude 5440;ABC-777-01;Siège;En service',
  'COMPTA-03;Grille-pain;HP;ProDesk;ABC-777-02;;',
  'SRV-01;Serveur;Dell;PowerEdge R650;ZX-9981;siege;',
  'COMPTA-04;Ecran;Dell;P2422H;5cd 2345 xyz;;',
].join('\r\n');

async function fill(page: Page, label: string, value: string) {
  await page.getByLabel(label, { exact: true }).fill(value);
}

describe('clients and inventory in real Chromium', () => {
  let server: RendererServer;
  let browser: Browser;
  useRendererInChromium((s, b) => ((server = s), (browser = b)));

  it('creates a client, a site and equipment, finds it, imports a CSV, and keeps it all after a reload', async () => {
    const context = await newFrenchContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.url);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Clients');

    // A client…
    await page.getByRole('button', { name: 'Nouveau client' }).click();
    await fill(page, 'Nom du client', 'Cabinet Vauban');
    await fill(page, 'Ville', 'Lille');
    await page.getByRole('button', { name: 'Enregistrer le client' }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Cabinet Vauban');

    // …a site, with a validation error first…
    await page.getByRole('button', { name: 'Ajouter un site' }).click();
    await fill(page, 'Nom du site', 'Siège');
    await fill(page, 'Adresse', '12 rue Nationale');
    await fill(page, 'Code postal', '590');
    await fill(page, 'Ville du site', 'Lille');
    await page.getByRole('button', { name: 'Enregistrer le site' }).click();
    await expect.poll(() => page.getByText('Le code postal compte 5 chiffres.').count()).toBe(1);
    await fill(page, 'Code postal', '59000');
    await page.getByRole('button', { name: 'Enregistrer le site' }).click();
    await expect.poll(() => page.getByText('12 rue Nationale, 59000 Lille').count()).toBe(1);

    // …equipment through the form: refused first, then saved.
    await page.getByRole('link', { name: 'Ajouter un équipement' }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Nouvel équipement');
    await page.getByRole('button', { name: 'Enregistrer l’équipement' }).click();
    await expect
      .poll(() =>
        page
          .getByText(
            'Indiquez au moins un numéro de série, un numéro d’inventaire, un nom d’hôte ou un modèle.',
          )
          .count(),
      )
      .toBe(1);
    expect(
      await page.getByLabel('Numéro de série', { exact: true }).getAttribute('aria-invalid'),
    ).toBe('true');
    await page.getByLabel('Catégorie').selectOption('laptop');
    await fill(page, 'Marque', 'HP');
    await fill(page, 'Modèle', 'ProBook 450 G10');
    await fill(page, 'Numéro de série', '5CD2345XYZ');
    await fill(page, 'Nom d’hôte', 'COMPTA-01');
    await page.getByLabel('Site').selectOption({ label: 'Siège' });
    // A purchase date in the future (a typo) is refused; a warranty may well end in 2030.
    await typeDate(page, 'Date d’achat ou de mise en service', '2030-03-01');
    await typeDate(page, 'Fin de garantie', '2030-06-01');
    await page.getByRole('button', { name: 'Enregistrer l’équipement' }).click();
    await expect
      .poll(() => page.getByText('La date d’achat ne peut pas être dans le futur.').count())
      .toBe(1);
    expect(
      await page
        .getByRole('group', { name: 'Date d’achat ou de mise en service', exact: true })
        .getByRole('spinbutton')
        .first()
        .getAttribute('aria-invalid'),
    ).toBe('true');
    await typeDate(page, 'Fin de garantie', '');
    // Bought three years and two months ago: the +10 % age band (004 art. XI).
    const bought = new Date();
    bought.setUTCFullYear(bought.getUTCFullYear() - 3, bought.getUTCMonth() - 2, 1);
    await typeDate(page, 'Date d’achat ou de mise en service', bought.toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Enregistrer l’équipement' }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Cabinet Vauban');
    await expect.poll(() => page.getByRole('row', { name: /5CD2345XYZ/ }).count()).toBe(1);
    expect(await page.getByRole('row', { name: /5CD2345XYZ/ }).textContent()).toContain(
      'Vétusté +10 %',
    );

    // The same serial again is refused, spaces and case ignored.
    await page.getByRole('link', { name: 'Ajouter un équipement' }).click();
    await fill(page, 'Numéro de série', '5cd 2345 xyz');
    await page.getByRole('button', { name: 'Enregistrer l’équipement' }).click();
    await expect
      .poll(() =>
        page
          .getByText('Le numéro de série « 5cd 2345 xyz » est déjà enregistré pour ce client.')
          .count(),
      )
      .toBe(1);
    await page.getByRole('link', { name: 'Annuler' }).click();

    // Found by part of its serial number, across all clients.
    await page.goto(`${server.url}#/inventaire`);
    await page
      .getByLabel('Numéro de série, d’inventaire, nom, modèle ou utilisateur')
      .fill('2345x');
    await expect.poll(() => page.getByRole('link', { name: '5CD2345XYZ' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Cabinet Vauban' }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Cabinet Vauban');

    // A file in Excel's Windows-1252 is read, its accents shown as read…
    await page.getByRole('link', { name: 'Importer un fichier CSV' }).click();
    const fileInput = page.getByLabel('Fichier CSV ou Excel (.xlsx)');
    await fileInput.setInputFiles({
      name: 'excel-ansi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Nom;Numéro de série\nPoste élève;X1\n', 'latin1'),
    });
    await expect
      .poll(() => page.getByLabel('Début du fichier tel que lu').textContent())
      .toContain('Poste élève;X1');
    expect(
      await page.getByLabel('Encodage des caractères').locator('option:checked').textContent(),
    ).toBe('Windows-1252 (Excel Windows) — détecté');
    await page.getByRole('button', { name: 'Choisir un autre fichier' }).click();

    // …a GLPI-like CSV: an unknown category kept as « Autre », the known serial left alone.
    await fileInput.setInputFiles({
      name: 'glpi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')]),
    });
    await expect
      .poll(() => page.getByTestId('import-summary').textContent())
      .toBe('3 nouveaux, 1 modifié, 0 inchangé, 0 rejeté, 0 avec avertissement.');
    expect(await page.getByLabel('Numéro de série', { exact: true }).inputValue()).toBe('4');
    await page.getByLabel('Ajouter les nouveaux seulement').check();
    await page.getByRole('button', { name: 'Importer (3 équipements)' }).click();
    await expect
      .poll(() => page.getByTestId('import-report').textContent())
      .toBe(
        'glpi.csv : 3 équipements ajoutés, 0 mis à jour, 1 inchangé, 0 ligne rejetée, 0 avec avertissement.',
      );
    await screenshot(page, 'inventory-import-report');
    await page.getByRole('link', { name: 'Voir l’inventaire' }).click();
    await expect
      .poll(() => page.getByTestId('inventory-count').textContent())
      .toBe('4 équipements sur 4');
    expect(await page.getByRole('row', { name: /ABC-777-02/ }).textContent()).toContain(
      'Autre (Grille-pain)',
    );

    // Search as you type within the client.
    await page.getByLabel('Rechercher dans l’inventaire').fill('9981');
    await expect
      .poll(() => page.getByTestId('inventory-count').textContent())
      .toBe('1 équipement sur 4');

    // Everything is still there after a reload.
    await page.reload();
    await expect
      .poll(() => page.getByTestId('inventory-count').textContent())
      .toBe('4 équipements sur 4');
    for (const serial of ['5CD2345XYZ', 'ABC-777-01', 'ABC-777-02', 'ZX-9981']) {
      await expect.poll(() => page.getByRole('row', { name: new RegExp(serial) }).count()).toBe(1);
    }
    await page.goto(`${server.url}#/clients`);
    await page.getByLabel('Rechercher un client').fill('vaub');
    await expect.poll(() => page.getByRole('link', { name: 'Cabinet Vauban' }).count()).toBe(1);
    await page.getByLabel('Rechercher un client').fill('introuvable');
    await expect
      .poll(() => page.getByText('Aucun client ne correspond à « introuvable ».').count())
      .toBe(1);
    await screenshot(page, 'inventory-clients');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('records equipment discovered on site as « non déclaré », edits and retires it, sets the contract and a subscription', async () => {
    const context = await newFrenchContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Nouveau client' }).click();
    await fill(page, 'Nom du client', 'Pharmacie du Port');
    await page.getByRole('button', { name: 'Enregistrer le client' }).click();
    await page.getByRole('link', { name: 'Équipement découvert sur site' }).click();
    await expect
      .poll(() => page.locator('h1').first().textContent())
      .toBe('Équipement découvert sur site');
    expect(await page.getByLabel('Déclaré par le client').isChecked()).toBe(false);
    expect(await page.getByLabel('Sous contrat (figure à l’annexe du contrat)').isChecked()).toBe(
      false,
    );
    // Today on the Paris calendar, shown day first whatever the browser's locale.
    const today = await page.evaluate(() =>
      new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris' }).format(new Date()),
    );
    expect(await dateFieldText(page, 'Date de découverte')).toBe(today);
    await page.getByLabel('Catégorie').selectOption('switch');
    await fill(page, 'Numéro de série', 'SW-NEW-1');
    await page.getByRole('button', { name: 'Enregistrer l’équipement' }).click();
    await expect.poll(() => page.getByRole('row', { name: /SW-NEW-1/ }).count()).toBe(1);
    const row = await page.getByRole('row', { name: /SW-NEW-1/ }).textContent();
    expect(row).toContain('Non déclaré (découvert le');
    expect(row).toContain('Hors contrat');

    // Edit it (declared after all), then retire it: it stays in the inventory, marked.
    await page.getByRole('link', { name: 'SW-NEW-1' }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Équipement SW-NEW-1');
    await page.getByLabel('Déclaré par le client').check();
    await fill(page, 'Notes', 'Switch du local technique');
    await page.getByRole('button', { name: 'Enregistrer l’équipement' }).click();
    await expect
      .poll(() => page.getByRole('row', { name: /SW-NEW-1/ }).textContent())
      .not.toContain('Non déclaré');
    await page.getByRole('link', { name: 'SW-NEW-1' }).click();
    // Retiring asks first; « Annuler » and Échap leave the equipment in service.
    const confirm = page.getByRole('dialog', {
      name: 'Retirer cet équipement du parc ? Il restera dans l’historique des interventions.',
    });
    await page.getByRole('button', { name: 'Retirer du parc' }).click();
    await expect.poll(() => confirm.isVisible()).toBe(true);
    await screenshot(page, 'inventory-retire-confirm');
    await confirm.getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(() => confirm.isVisible()).toBe(false);
    expect(await page.locator('h1').first().textContent()).toBe('Équipement SW-NEW-1');
    await page.getByRole('button', { name: 'Retirer du parc' }).click();
    await expect.poll(() => confirm.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm.isVisible()).toBe(false);
    await page.getByRole('link', { name: /Pharmacie du Port/ }).click();
    await expect.poll(() => page.getByRole('row', { name: /SW-NEW-1/ }).count()).toBe(1);
    expect(await page.getByRole('row', { name: /SW-NEW-1/ }).textContent()).not.toContain('Retiré');
    await page.getByRole('link', { name: 'SW-NEW-1' }).click();
    await page.getByRole('button', { name: 'Retirer du parc' }).click();
    await confirm.getByRole('button', { name: 'Retirer', exact: true }).click();
    await expect
      .poll(() => page.getByRole('row', { name: /SW-NEW-1/ }).textContent())
      .toContain('Retiré');

    // The contract's billing settings, refused first, then saved and shown.
    await page.getByRole('button', { name: 'Ajouter un contrat' }).click();
    await fill(page, 'Référence du contrat', 'CT-2026-031');
    await typeDate(page, 'Début du contrat', '2026-01-01');
    await fill(page, 'Taux horaire HT (€)', 'soixante');
    await page.getByRole('button', { name: 'Enregistrer le contrat' }).click();
    await expect
      .poll(() => page.getByText('Montant en euros attendu (ex. 65 ou 65,50).').count())
      .toBe(1);
    await fill(page, 'Taux horaire HT (€)', '65,50');
    await fill(page, 'Zone de déplacement incluse (départements)', '75, 92, 93');
    await page.getByRole('button', { name: 'Enregistrer le contrat' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Modifier le contrat' }).count())
      .toBe(1);
    const contract = await page
      .locator('.panel', { has: page.getByRole('button', { name: 'Modifier le contrat' }) })
      .textContent();
    expect(contract).toMatch(/CT-2026-031/);
    expect(contract).toMatch(/65,50\s€ HT/);
    expect(contract).toContain('75, 92, 93');

    // A subscription renewing in 100 days: the notice date (3 months before) is near.
    await page.getByRole('button', { name: 'Ajouter un abonnement' }).click();
    await fill(page, 'Nom de l’abonnement', 'Microsoft 365 Business Standard');
    const renewal = new Date(Date.now() + 100 * 86_400_000).toISOString().slice(0, 10);
    await typeDate(page, 'Date de renouvellement', renewal);
    await page.getByRole('button', { name: 'Enregistrer l’abonnement' }).click();
    const subscriptions = page.getByRole('table', { name: 'Abonnements et licences' });
    await expect
      .poll(() => subscriptions.textContent())
      .toMatch(/Microsoft 365 Business Standard.*dans \d+ j/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('backs the whole database up to a JSON file and restores it in another browser profile', async () => {
    const source = await newFrenchContext(browser);
    const page = await source.newPage();
    const errors = collectPageErrors(page);
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Nouveau client' }).click();
    await fill(page, 'Nom du client', 'Imprimerie Colbert');
    await page.getByRole('button', { name: 'Enregistrer le client' }).click();
    await page.getByRole('link', { name: 'Ajouter un équipement' }).click();
    await fill(page, 'Numéro de série', 'COLB-0001');
    await page.getByRole('button', { name: 'Enregistrer l’équipement' }).click();
    await expect.poll(() => page.getByRole('row', { name: /COLB-0001/ }).count()).toBe(1);
    await page.goto(`${server.url}#/parametres`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger une sauvegarde' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^bordereau-sauvegarde-\d{4}-\d{2}-\d{2}\.json$/);
    const json = await (
      await download.createReadStream()
    )
      .toArray()
      .then((chunks) => Buffer.concat(chunks));
    expect(errors).toEqual([]);
    await source.close();

    const target = await newFrenchContext(browser);
    const restored = await target.newPage();
    const targetErrors = collectPageErrors(restored);
    await restored.goto(`${server.url}#/parametres`);
    await restored
      .getByLabel('Fichier de sauvegarde à restaurer')
      .setInputFiles({ name: 'sauvegarde.json', mimeType: 'application/json', buffer: json });
    await restored.getByRole('button', { name: 'Remplacer les données par la sauvegarde' }).click();
    await expect.poll(() => restored.getByText(/Sauvegarde restaurée/).count()).toBe(1);
    await restored.goto(`${server.url}#/inventaire`);
    await restored
      .getByLabel('Numéro de série, d’inventaire, nom, modèle ou utilisateur')
      .fill('colb');
    await expect
      .poll(() => restored.getByRole('link', { name: 'Imprimerie Colbert' }).count())
      .toBe(1);
    expect(targetErrors).toEqual([]);
    await target.close();
  });
});
