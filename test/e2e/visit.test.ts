import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { equipmentIndexFields } from '../../renderer/db/equipment-index';
import { sampleDraft } from '../fixtures/report/sample-report';
import {
  CHROMIUM_PATH,
  collectPageErrors,
  drawOn,
  newFrenchContext,
  putIntoAppDb,
  type RendererServer,
  RESULTS_DIR,
  screenshot,
  useRendererInChromium,
  saveTechnicianProfile,
} from './harness';
import {
  CLIENT_ID,
  EQUIPMENT_ID,
  lefevreClient,
  lefevreContract,
  lefevreServer,
  lefevreSite,
  MINUTE,
  SITE_ID,
  T0,
} from './lefevre-office';
import { typeDate } from './date-input';

function seedRecords() {
  const meta = { revision: 1, updatedAt: T0 - 86_400_000 };
  const contract = lefevreContract();
  const equipment = { id: EQUIPMENT_ID, ...meta, ...lefevreServer };
  return {
    clients: [{ id: CLIENT_ID, ...meta, ...lefevreClient }],
    sites: [{ id: SITE_ID, ...meta, ...lefevreSite(contract) }],
    contracts: [{ ...contract, ...meta }],
    equipment: [{ ...equipment, ...equipmentIndexFields(equipment) }],
    settings: [{ key: 'provider', value: sampleDraft().content.provider }],
  };
}

/** Writes the office's data (client, site, contract, inventory, company identity) into the app's database. */
async function seed(page: Page, records: object = seedRecords()): Promise<void> {
  await putIntoAppDb(page, records);
}

function flat(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
}

describe('a visit from start to signed PDF, in real Chromium', () => {
  let server: RendererServer;
  let browser: Browser;
  useRendererInChromium((s, b) => ((server = s), (browser = b)));

  it('times the visit across a reload, records the work, signs, seals and hands over the PDF', async () => {
    const context = await newFrenchContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.clock.setFixedTime(T0 - 5 * MINUTE);
    await page.goto(`${server.url}#/interventions`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Interventions');
    await seed(page);

    // Start from the client.
    await page.goto(`${server.url}#/interventions/nouvelle?client=${CLIENT_ID}`);
    await page.reload();
    await expect
      .poll(() => page.getByRole('combobox', { name: /^Site/ }).inputValue())
      .toBe(SITE_ID);
    await page.getByLabel('Objet de la demande').fill('Serveur de fichiers très lent');
    await page.getByLabel('Représentant du client présent').fill('Hélène Lefèvre');
    await page.getByLabel('Fonction', { exact: true }).fill('Gérante');
    await page.getByLabel(/Le client confirme disposer d’une sauvegarde/).check();
    await page.clock.setFixedTime(T0);
    await page.getByRole('button', { name: 'Démarrer l’intervention' }).click();
    await expect.poll(() => page.getByTestId('timer-state').textContent()).toBe('En cours');
    const visitUrl = page.url();

    // An hour later the laptop reloads (crash, closed window): the timer is still running.
    await page.clock.setFixedTime(T0 + 60 * MINUTE);
    await page.reload();
    await expect.poll(() => page.getByTestId('timer-state').textContent()).toBe('En cours');
    await expect.poll(() => page.getByTestId('timer-clock').textContent()).toBe('01:00:00');
    await expect.poll(() => page.getByTestId('billed-time').textContent()).toBe('2\u00a0h');
    await page.getByRole('link', { name: 'Paramètres' }).click();
    await expect
      .poll(() => page.getByTestId('banner-timer').textContent())
      .toBe('En cours · 01:00:00');
    await page.getByRole('link', { name: 'Ouvrir l’intervention' }).click();

    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => page.getByTestId('timer-state').textContent()).toBe('En pause');
    await page.clock.setFixedTime(T0 + 75 * MINUTE);
    await page.getByRole('button', { name: 'Reprendre' }).click();
    await expect.poll(() => page.getByTestId('timer-state').textContent()).toBe('En cours');
    await page.clock.setFixedTime(T0 + 180 * MINUTE);
    await page.getByRole('button', { name: 'Terminer la visite' }).click();
    await expect.poll(() => page.getByTestId('timer-state').textContent()).toBe('Terminée');
    expect(await page.getByTestId('worked-time').textContent()).toBe('2\u00a0h\u00a045');
    expect(await page.getByTestId('ladder-step').textContent()).toBe(
      'Demi-journée (3\u00a0h\u00a030)',
    );
    expect(await page.getByTestId('price-preview').textContent()).toBe(
      '228,00\u00a0€ HT · 273,60\u00a0€ TTC',
    );

    // The work record, on an item of the inventory.
    await page
      .getByLabel('Travaux réalisés')
      .fill('Remplacement du disque n° 3 de la grappe RAID et reconstruction.');
    await page.getByLabel(/Serveur Dell PowerEdge T350/).check();
    await page.getByLabel('Vérification de la dernière sauvegarde avant intervention').check();
    await page.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Enregistré.' }).count())
      .toBe(1);
    await screenshot(page, 'visit-work-record');
    await page.getByRole('link', { name: 'Passer à la signature' }).click();

    // First signature on this laptop: the technician's profile is asked for first.
    await saveTechnicianProfile(page, 'Julien Durand', 'JD');

    // The client sees the summary, then signs.
    await expect
      .poll(() => page.getByTestId('summary-billed').textContent())
      .toBe('3\u00a0h\u00a030 — Demi-journée (3\u00a0h\u00a030)');
    expect(await page.getByTestId('summary-worked').textContent()).toBe('2\u00a0h\u00a045');
    expect(await page.getByTestId('summary-ttc').textContent()).toBe('273,60\u00a0€');
    expect(await page.getByLabel('Nom du signataire').inputValue()).toBe('Hélène Lefèvre');
    await drawOn(page, 'Signature du client');
    await screenshot(page, 'visit-signature');
    await page.clock.setFixedTime(T0 + 185 * MINUTE);
    await page.getByRole('button', { name: 'Signer et sceller le bordereau' }).click();
    await expect
      .poll(() => page.getByTestId('report-status').textContent(), { timeout: 20_000 })
      .toContain('Signé par le client et le technicien');
    const hash = (await page.getByTestId('seal-hash').textContent()) ?? '';
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Bordereau BI-2026-JD-0001');
    await screenshot(page, 'visit-report');

    // The PDF: downloaded, then read back as text.
    mkdirSync(RESULTS_DIR, { recursive: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Enregistrer le PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('BI-2026-JD-0001.pdf');
    const pdfPath = resolve(RESULTS_DIR, 'visit-BI-2026-JD-0001.pdf');
    await download.saveAs(pdfPath);
    const text = flat(execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }));
    expect(text).toContain('BI-2026-JD-0001');
    expect(text).toContain('Cabinet Lefèvre & Associés');
    expect(text).toMatch(/2 h 45/);
    expect(text).toMatch(/3 h 30/);
    expect(text).toContain('228,00 €');
    expect(text).toContain('273,60 €');
    expect(text).toContain('Hélène Lefèvre');
    expect(text.replace(/\s/g, '')).toContain(hash);

    // Locked: the visit shows no edit control any more.
    await page.goto(visitUrl);
    await expect
      .poll(() => page.getByText('Intervention signée : elle ne peut plus être modifiée.').count())
      .toBe(1);
    expect(await page.getByRole('button', { name: 'Enregistrer le compte rendu' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Corriger' }).count()).toBe(0);
    expect(
      await page.getByRole('button', { name: /Démarrer|Pause|Reprendre|Terminer/ }).count(),
    ).toBe(0);
    expect(await page.getByRole('button', { name: 'Retirer' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Modifier l’en-tête' }).count()).toBe(0);
    // …but the work record the client signed for is still shown, read only.
    const work = page.getByRole('region', { name: 'Compte rendu des travaux' });
    await expect
      .poll(() => work.textContent())
      .toContain('Remplacement du disque n° 3 de la grappe RAID et reconstruction.');
    const shown = flat((await work.textContent()) ?? '');
    expect(shown).toContain('Fait — Vérification de la dernière sauvegarde avant intervention');
    expect(shown).toContain('Serveur Dell PowerEdge T350');
    expect(shown).toContain('Résolu');
    for (const role of ['textbox', 'checkbox', 'combobox', 'spinbutton', 'button'] as const) {
      expect(await work.getByRole(role).count(), role).toBe(0);
    }
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('checkbox').count()).toBe(0);
    await screenshot(page, 'visit-signed-locked');
    await page.goto(visitUrl.replace(/\/?$/, '/signature'));
    await expect.poll(() => page.getByText('Cette intervention est déjà signée.').count()).toBe(1);

    // Listed as signed.
    await page.goto(`${server.url}#/interventions`);
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: 'BI-2026-JD-0001' }).textContent())
      .toContain('Signé');

    // A change after signature is a new version, same number, referencing the sealed one.
    await page.getByRole('link', { name: 'BI-2026-JD-0001' }).click();
    await page.getByRole('button', { name: 'Corriger (nouvelle version)' }).click();
    await page.getByLabel('Recommandations').fill('Prévoir le remplacement du serveur en 2027.');
    await page.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Enregistré.' }).count())
      .toBe(1);
    await page.getByRole('link', { name: 'Passer à la signature' }).click();
    await drawOn(page, 'Signature du client');
    await page.clock.setFixedTime(T0 + 200 * MINUTE);
    await page.getByRole('button', { name: 'Signer et sceller le bordereau' }).click();
    await expect
      .poll(() => page.locator('h1').textContent(), { timeout: 20_000 })
      .toBe('Bordereau BI-2026-JD-0001 (version 2)');
    expect(await page.getByTestId('seal-hash').textContent()).not.toBe(hash);
    await page.getByRole('link', { name: /la version signée/ }).click();
    await expect.poll(() => page.getByTestId('seal-hash').textContent()).toBe(hash);
    expect(await page.getByRole('button', { name: 'Corriger (nouvelle version)' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('starts a visit for a client without contract, priced at the default rates set in Paramètres', async () => {
    const context = await newFrenchContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.clock.setFixedTime(T0 - 5 * MINUTE);
    await page.goto(`${server.url}#/interventions`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Interventions');
    await seed(page, { ...seedRecords(), contracts: [] });

    // The office sets the company's rates: 90 € HT an hour.
    await page.goto(`${server.url}#/parametres`);
    await page.reload();
    const rates = page.getByRole('form', { name: 'Tarifs par défaut' });
    await rates.getByLabel('Taux horaire HT (€)').fill('90');
    await rates.getByRole('button', { name: 'Enregistrer les tarifs' }).click();
    await expect
      .poll(() => rates.getByRole('status').textContent())
      .toBe('Tarifs par défaut enregistrés.');

    await page.goto(`${server.url}#/interventions/nouvelle?client=${CLIENT_ID}`);
    await expect
      .poll(() => page.getByTestId('no-contract').textContent())
      .toContain('tarifs par défaut');
    await page.getByLabel('Objet de la demande').fill('Poste lent');
    await page.getByLabel(/Le client confirme disposer d’une sauvegarde/).check();
    await page.clock.setFixedTime(T0);
    await page.getByRole('button', { name: 'Démarrer l’intervention' }).click();
    await expect.poll(() => page.getByTestId('timer-state').textContent()).toBe('En cours');
    await expect
      .poll(() => page.getByText('Sans contrat — tarifs par défaut du prestataire').count())
      .toBeGreaterThan(0);
    await page.clock.setFixedTime(T0 + 165 * MINUTE);
    await page.getByRole('button', { name: 'Terminer la visite' }).click();
    await expect.poll(() => page.getByTestId('timer-state').textContent()).toBe('Terminée');
    // 2 h 45 → half-day 3 h 30 × 90 € = 315 € HT, TVA 20 %: every minute billed.
    expect(await page.getByTestId('price-preview').textContent()).toBe(
      '315,00\u00a0€ HT · 378,00\u00a0€ TTC',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('closes a report without the client, with a corrected arrival and a photo in the annex', async () => {
    const context = await newFrenchContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.clock.setFixedTime(T0);
    await page.goto(`${server.url}#/interventions`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Interventions');
    await seed(page);

    await page.goto(`${server.url}#/clients/${CLIENT_ID}`);
    await page.reload();
    await page.getByRole('link', { name: 'Démarrer une intervention' }).click();
    await expect
      .poll(() => page.getByRole('combobox', { name: /^Client/ }).inputValue())
      .toBe(CLIENT_ID);
    await page.getByLabel('Objet de la demande').fill('Imprimante du 2e étage hors service');
    await page.getByRole('button', { name: 'Démarrer l’intervention' }).click();
    await expect.poll(() => page.getByTestId('timer-state').textContent()).toBe('En cours');
    await page.clock.setFixedTime(T0 + 30 * MINUTE);
    await page.getByRole('button', { name: 'Terminer la visite' }).click();
    await expect.poll(() => page.getByTestId('worked-time').textContent()).toBe('30\u00a0min');

    // The timer was started late: the arrival is corrected, with the reason.
    await page.getByRole('button', { name: 'Corriger' }).first().click();
    await typeDate(page, 'Heure réelle', '2026-11-23T08:50');
    await page
      .getByLabel('Raison de la correction')
      .fill('Minuteur lancé en retard, arrivée à 8 h 50');
    await page.getByRole('button', { name: 'Enregistrer la correction' }).click();
    await expect.poll(() => page.getByTestId('worked-time').textContent()).toBe('40\u00a0min');

    // The office manager arrived after the start: named on the header afterwards.
    await page.getByRole('button', { name: 'Modifier l’en-tête' }).click();
    await page.getByLabel('Représentant du client présent').fill('Marc Petit');
    await page.getByLabel('Fonction', { exact: true }).fill('Office manager');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect.poll(() => page.getByText('Marc Petit (Office manager)').count()).toBe(1);

    await page.getByLabel('Légende de la prochaine photo').fill('Imprimante, bac 2 bloqué');
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles(resolve('test/fixtures/report/photo-rack.jpg'));
    await expect
      .poll(() => page.getByRole('img', { name: 'Imprimante, bac 2 bloqué' }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await page
      .getByLabel('Travaux réalisés')
      .fill('Diagnostic : galet d’entraînement du bac 2 usé, pièce à commander.');
    await page.getByLabel('Résultat de l’intervention').selectOption('to-be-continued');
    await page.getByLabel('Suite à donner').fill('Remplacer le galet dès réception.');
    await page.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Enregistré.' }).count())
      .toBe(1);
    await page.getByRole('link', { name: 'Passer à la signature' }).click();

    await saveTechnicianProfile(page, 'Julien Durand', 'JD');
    await expect.poll(() => page.getByTestId('summary-ht').textContent()).toBe('130,00\u00a0€');
    await page.getByLabel('Client absent').check();
    await page
      .getByLabel('Circonstances (obligatoire)')
      .fill('Personne sur place à la fin de l’intervention.');
    await page.clock.setFixedTime(T0 + 35 * MINUTE);
    await page.getByRole('button', { name: 'Clore sans signature du client' }).click();
    await expect
      .poll(() => page.getByTestId('report-status').textContent(), { timeout: 20_000 })
      .toContain('Clos sans signature du client (client absent)');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Enregistrer le PDF' }).click(),
    ]);
    const pdfPath = resolve(RESULTS_DIR, 'visit-client-absent.pdf');
    await download.saveAs(pdfPath);
    const text = flat(execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }));
    expect(text).toContain('BI-2026-JD-0001');
    expect(text).toMatch(/client absent/i);
    expect(text).toContain('Personne sur place à la fin de l’intervention.');
    expect(text).toContain('Minuteur lancé en retard, arrivée à 8 h 50');
    expect(text).toContain('Imprimante, bac 2 bloqué');
    expect(text).toContain('130,00 €');
    expect(text).toContain('Marc Petit');

    await page.goto(`${server.url}#/interventions`);
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: 'BI-2026-JD-0001' }).textContent())
      .toContain('Sans signature du client');
    await page.goto(`${server.url}#/clients/${CLIENT_ID}`);
    // Reopened from the client's page: the very bytes handed over, kept offline.
    const [again] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PDF', exact: true }).click(),
    ]);
    const againPath = resolve(RESULTS_DIR, 'visit-client-absent-reopened.pdf');
    await again.saveAs(againPath);
    expect(readFileSync(againPath).equals(readFileSync(pdfPath))).toBe(true);
    const reports = page.getByRole('region', { name: 'Bordereaux' });
    await expect
      .poll(() =>
        reports.getByRole('listitem').filter({ hasText: 'BI-2026-JD-0001' }).textContent(),
      )
      .toContain('Clos sans signature du client');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the signature crisp on a HiDPI screen, through undo, a resize and full screen', async () => {
    const context = await newFrenchContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width: 1280,
      height: 800,
      deviceScaleFactor: 2,
      mobile: false,
    });
    await page.goto(`${server.url}#/parametres`);
    const canvas = page.locator('canvas[aria-label="Signature du technicien"]');
    await canvas.waitFor();
    const geometry = () =>
      canvas.evaluate((c: HTMLCanvasElement) => {
        const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let inked = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) inked += 1;
        return {
          width: c.width,
          cssWidth: c.offsetWidth,
          height: c.height,
          cssHeight: c.offsetHeight,
          inked,
          empty: c.dataset['empty'],
        };
      });
    const before = await geometry();
    expect(before.width).toBe(before.cssWidth * 2);
    expect(before.height).toBe(before.cssHeight * 2);

    await drawOn(page, 'Signature du technicien');
    const one = await geometry();
    await drawOn(page, 'Signature du technicien');
    const two = await geometry();
    expect(one.inked).toBeGreaterThan(0);
    expect(two.empty).toBe('false');
    await page.getByRole('button', { name: 'Annuler le dernier trait' }).click();
    // Back to the first stroke only (antialiasing aside, the same ink).
    expect(Math.abs((await geometry()).inked - one.inked)).toBeLessThan(one.inked * 0.05);

    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width: 900,
      height: 700,
      deviceScaleFactor: 2,
      mobile: false,
    });
    await expect.poll(async () => (await geometry()).cssWidth).toBeLessThan(before.cssWidth);
    await expect
      .poll(async () => {
        const g = await geometry();
        return g.width === g.cssWidth * 2;
      })
      .toBe(true);
    const resized = await geometry();
    expect(resized.inked).toBeGreaterThan(one.inked * 0.9);

    await page.getByRole('button', { name: 'Plein écran' }).click();
    await expect.poll(async () => (await geometry()).cssHeight).toBeGreaterThan(400);
    expect((await geometry()).inked).toBeGreaterThan(one.inked * 0.9);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await geometry()).cssHeight).toBe(before.cssHeight);

    await page.getByRole('button', { name: 'Effacer' }).click();
    expect(await geometry()).toMatchObject({ inked: 0, empty: 'true' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes a photo with the laptop camera, resized to at most 1600 px and kept locally', async () => {
    // A browser of its own, with Chromium's fake camera (a test pattern) and no permission prompt.
    const cameraBrowser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
      ],
    });
    try {
      const context = await newFrenchContext(cameraBrowser);
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${server.url}#/interventions`);
      await expect.poll(() => page.locator('h1').first().textContent()).toBe('Interventions');
      await seed(page);
      await page.goto(`${server.url}#/interventions/nouvelle?client=${CLIENT_ID}`);
      await page.reload();
      await page.getByLabel('Objet de la demande').fill('Photos du local technique');
      await page.getByRole('button', { name: 'Démarrer l’intervention' }).click();
      await expect.poll(() => page.getByTestId('timer-state').textContent()).toBe('En cours');

      await page.getByRole('button', { name: 'Utiliser la caméra' }).click();
      await expect
        .poll(() =>
          page.locator('video.camera-video').evaluate((v: HTMLVideoElement) => v.videoWidth),
        )
        .toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Prendre la photo' }).click();
      const photo = page.getByRole('img', { name: 'Photo prise sur site' });
      await expect.poll(() => photo.count(), { timeout: 15_000 }).toBe(1);
      const size = await photo.evaluate((img: HTMLImageElement) => ({
        w: img.naturalWidth,
        h: img.naturalHeight,
        src: img.src.slice(0, 23),
      }));
      expect(size.src).toBe('data:image/jpeg;base64,');
      expect(Math.max(size.w, size.h)).toBeGreaterThan(0);
      expect(Math.max(size.w, size.h)).toBeLessThanOrEqual(1600);
      // Still there after a reload: stored in IndexedDB, not only on screen.
      await page.reload();
      await expect
        .poll(() => page.getByRole('img', { name: 'Photo prise sur site' }).count())
        .toBe(1);
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await cameraBrowser.close();
    }
  });
});
