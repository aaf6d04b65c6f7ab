import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { equipmentIndexFields } from '../../renderer/db/equipment-index';
import { sampleDraft } from '../fixtures/report/sample-report';
import {
  collectPageErrors,
  putIntoAppDb,
  drawOn,
  newFrenchContext,
  type RendererServer,
  RESULTS_DIR,
  screenshot,
  useRendererInChromium,
  readAppDb,
} from './harness';
import {
  CLIENT_ID,
  EQUIPMENT_ID,
  lefevreClient,
  lefevreServer,
  MINUTE,
  SITE_ID,
  T0,
} from './lefevre-office';
import { typeDate } from './date-input';

const PRINTER_ID = '0192b3c4-0000-7000-8000-0000000000e2';
const IT_CONTACT_ID = '0192b3c4-0000-7000-8000-0000000000c1';
const MANAGER_CONTACT_ID = '0192b3c4-0000-7000-8000-0000000000c2';

/** The client with a site in Lyon (outside the 002 zone), a covered server, an uncovered printer; no contract yet. */
function seedRecords() {
  const meta = { revision: 1, updatedAt: T0 - 86_400_000 };
  const server = { id: EQUIPMENT_ID, ...meta, ...lefevreServer };
  const printer = {
    ...server,
    id: PRINTER_ID,
    category: 'printer',
    brand: 'Brother',
    model: 'HL-L6210DW',
    serialNumber: 'E78123',
    assetTag: '',
    hostname: '',
    covered: false,
  };
  const hours = { from: '09:00', to: '18:00' };
  return {
    clients: [{ id: CLIENT_ID, ...meta, ...lefevreClient }],
    sites: [
      {
        id: SITE_ID,
        ...meta,
        clientId: CLIENT_ID,
        name: 'Agence de Lyon',
        address: '12 rue Garibaldi',
        postcode: '69003',
        city: 'Lyon',
        openingHours: {
          monday: [hours],
          tuesday: [hours],
          wednesday: [hours],
          thursday: [hours],
          friday: [hours],
          saturday: [],
          sunday: [],
        },
        accessNotes: '',
      },
    ],
    // The IT correspondent receives the client's copies; the manager has no address yet.
    contacts: [
      {
        id: IT_CONTACT_ID,
        ...meta,
        clientId: CLIENT_ID,
        siteId: null,
        role: 'it-correspondent',
        name: 'Paul Martin',
        jobTitle: '',
        phone: '',
        email: 'informatique@lefevre-avocats.fr',
      },
      {
        id: MANAGER_CONTACT_ID,
        ...meta,
        clientId: CLIENT_ID,
        siteId: null,
        role: 'signatory',
        name: 'Hélène Lefèvre',
        jobTitle: 'Gérante',
        phone: '',
        email: '',
      },
    ],
    equipment: [
      { ...server, ...equipmentIndexFields(server) },
      { ...printer, ...equipmentIndexFields(printer) },
    ],
    settings: [{ key: 'provider', value: sampleDraft().content.provider }],
    technicianProfile: [
      {
        id: 'current',
        name: 'Julien Durand',
        code: 'JD',
        signaturePngDataUrl: sampleDraft().content.provider.logoPngDataUrl,
      },
    ],
  };
}

async function seed(page: Page, tables: Record<string, object[]> = seedRecords()): Promise<void> {
  await putIntoAppDb(page, tables);
}

function flat(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
}

describe('a 002-like contract priced as written, in real Chromium', () => {
  let server: RendererServer;
  let browser: Browser;
  useRendererInChromium((s, b) => ((server = s), (browser = b)));

  it('office sets the contract; an included incident outside the zone with a quoted uncovered device bills travel and the quoted time only', async () => {
    const context = await newFrenchContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.clock.setFixedTime(T0 - 60 * MINUTE);
    await page.goto(`${server.url}#/interventions`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Interventions');
    await seed(page);

    // The office: a 002-like contract from its preset, travel billed per km outside the zone.
    await page.goto(`${server.url}#/clients/${CLIENT_ID}`);
    await page.reload();
    await page.getByRole('button', { name: 'Ajouter un contrat' }).click();
    await page.getByRole('button', { name: /type ALLANCE, 002/ }).click();
    await page.getByLabel('Référence du contrat').fill('INF-PME-2026-040');
    await typeDate(page, 'Début du contrat', '2026-01-01');
    await page.getByLabel('Taux horaire HT (€)').fill('65');
    expect(await page.getByLabel('Zone de déplacement incluse (départements)').inputValue()).toBe(
      '75, 77, 92, 93, 94, 95',
    );
    expect(
      await page.getByLabel('Temps arrondi à l’euro supérieur (jamais les pièces)').isChecked(),
    ).toBe(true);
    // The preset leaves the out-of-zone price at 0 €: the checks say so in plain French.
    await expect
      .poll(() => page.getByRole('status', { name: 'Vérifications du contrat' }).textContent())
      .toContain('Le forfait de déplacement hors zone est à 0 € : indiquez son montant.');
    await page.getByLabel('Déplacement hors zone', { exact: true }).selectOption('per-km');
    await page.getByLabel('Prix du déplacement hors zone HT (€, forfait ou par km)').fill('0,45');
    await expect
      .poll(() => page.getByRole('status', { name: 'Vérifications du contrat' }).count())
      .toBe(0);
    // Who receives the client's copies (004 art. VI): a contact without an address says why.
    const manager = page.getByLabel(
      'Hélène Lefèvre — Signataire, Gérante — pas d’adresse e-mail dans sa fiche',
    );
    expect(await manager.isDisabled()).toBe(true);
    await page
      .getByLabel('Paul Martin — Correspondant informatique — informatique@lefevre-avocats.fr')
      .check();
    await screenshot(page, 'contract-002-preset');
    await page.getByRole('button', { name: 'Enregistrer le contrat' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Modifier le contrat' }).count())
      .toBe(1);
    const stored = (await readAppDb(page, 'contracts')).map((r) => r.copyRecipientContactIds);
    expect(stored).toEqual([[IT_CONTACT_ID]]);

    // The technician: an incident under the subscription, in Lyon.
    await page.goto(`${server.url}#/interventions/nouvelle?client=${CLIENT_ID}`);
    await page.reload();
    await expect
      .poll(() => page.getByRole('combobox', { name: /^Site/ }).inputValue())
      .toBe(SITE_ID);
    await page.getByLabel('Objet de la demande').fill('Serveur de fichiers inaccessible');
    await page.getByLabel('Représentant du client présent').fill('Hélène Lefèvre');
    await page.getByLabel('Fonction', { exact: true }).fill('Gérante');
    await page.getByLabel(/Le client confirme disposer d’une sauvegarde/).check();
    await page.getByLabel('Visite incluse dans l’abonnement d’infogérance').check();
    await page.clock.setFixedTime(T0);
    await page.getByRole('button', { name: 'Démarrer l’intervention' }).click();
    await expect.poll(() => page.getByTestId('timer-state').textContent()).toBe('En cours');

    // Before touching the printer (off the annex): a quote, signed by the client.
    await page.clock.setFixedTime(T0 + 100 * MINUTE);
    await page.getByRole('button', { name: 'Nouveau devis' }).click();
    await page.getByLabel('Prestation', { exact: true }).fill('Dépannage de l’imprimante (bac 2)');
    await page.getByLabel('Durée estimée (minutes)').fill('45');
    await drawOn(page, 'Signature du client (bon pour accord)');
    await page.getByRole('button', { name: 'Signer et sceller le devis' }).click();
    await expect.poll(() => page.getByTestId('quotes').textContent()).toContain('DV-2026-JD-0001');
    expect(flat((await page.getByTestId('quotes').textContent()) ?? '')).toContain(
      '130,00 € HT estimés',
    );

    await page.clock.setFixedTime(T0 + 180 * MINUTE);
    await page.getByRole('button', { name: 'Terminer la visite' }).click();
    await expect.poll(() => page.getByTestId('timer-state').textContent()).toBe('Terminée');

    await page
      .getByLabel('Travaux réalisés')
      .fill('Redémarrage du service de partage ; imprimante débloquée.');
    await page.getByLabel(/Serveur Dell PowerEdge T350/).check();
    await page.getByLabel(/Imprimante Brother HL-L6210DW/).check();
    await page.getByLabel('Prestation complémentaire', { exact: true }).fill('Imprimante bac 2');
    await page.getByLabel('Équipement de la prestation').selectOption(PRINTER_ID);
    await page.getByLabel('Temps passé (minutes)').fill('45');
    await page.getByLabel('Devis signé').selectOption('DV-2026-JD-0001');
    await page.getByRole('button', { name: 'Ajouter la prestation complémentaire' }).click();
    await expect
      .poll(() => page.getByTestId('complementary').textContent())
      .toContain('devis DV-2026-JD-0001');
    await page.getByLabel('Kilomètres parcourus').fill('463');
    await page.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Enregistré.' }).count())
      .toBe(1);
    // 45 min of complementary time → 2 h → 130 €; travel 463 km × 0,45 € = 208,35 €.
    await expect
      .poll(() => page.getByTestId('price-preview').textContent())
      .toBe('338,35\u00a0€ HT · 406,02\u00a0€ TTC');
    await screenshot(page, 'contract-visit-work');

    await page.getByRole('link', { name: 'Passer à la signature' }).click();
    await expect.poll(() => page.getByTestId('summary-ttc').textContent()).toBe('406,02\u00a0€');
    await drawOn(page, 'Signature du client');
    await page.clock.setFixedTime(T0 + 185 * MINUTE);
    await page.getByRole('button', { name: 'Signer et sceller le bordereau' }).click();
    await expect
      .poll(() => page.getByTestId('report-status').textContent(), { timeout: 20_000 })
      .toContain('Signé par le client et le technicien');

    // The bordereau's PDF: travel, the split time and the quote, with the right amounts.
    mkdirSync(RESULTS_DIR, { recursive: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Enregistrer le PDF' }).click(),
    ]);
    const pdfPath = resolve(RESULTS_DIR, 'contract-BI-2026-JD-0001.pdf');
    await download.saveAs(pdfPath);
    const text = flat(execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }));
    expect(text).toContain('incident inclus dans l’abonnement (002 art. III-1)');
    expect(text).toContain('Prestation complémentaire — Imprimante bac 2 — Forfait 2 h');
    expect(text).toContain('130,00 €');
    expect(text).toContain('Déplacement — 463 km');
    expect(text).toContain('208,35 €');
    expect(text).toContain('463 km × 0,45 €');
    expect(text).toContain('sur devis accepté : DV-2026-JD-0001');
    expect(text).toContain('338,35 €');
    expect(text).toContain('406,02 €');

    // The office's CSV: quantity and unit price on the labour line, travel, the quote. The
    // office screen is for office accounts: this browser now holds one's session (no token,
    // so nothing syncs).
    await seed(page, {
      settings: [
        {
          key: 'sync.session',
          value: {
            serverUrl: 'https://bureau.example.fr',
            account: {
              id: '0192b3c4-0000-7000-8000-0000000000b1',
              email: 'bureau@example.fr',
              name: 'Bureau',
              role: 'office',
            },
            expiresAt: null,
          },
        },
      ],
    });
    await page.goto(`${server.url}#/bureau`);
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter les lignes facturables (CSV)' }).click(),
    ]);
    const csvPath = resolve(RESULTS_DIR, 'contract-billable.csv');
    await csvDownload.saveAs(csvPath);
    const csv = readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(csv.trim(), { delimiter: ';' }).data;
    const cells = (label: RegExp) => rows.find((r) => label.test(r[5] ?? ''))!;
    const labour = cells(/^Prestation complémentaire — Imprimante bac 2/);
    expect(labour.slice(6, 9)).toEqual(['2', '65,00', '130,00']);
    expect(labour[11]).toBe('DV-2026-JD-0001');
    expect(cells(/^Déplacement/).slice(6, 9)).toEqual(['463', '0,45', '208,35']);
    expect(cells(/incident inclus/)[8]).toBe('0,00');
    expect(errors).toEqual([]);
  });
});
