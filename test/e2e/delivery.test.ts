import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verificationUrl } from '../../shared/report/pdf/qr-code';
import { verifyReportPdf } from '../../scripts/report-verify';
import { startDeliveryWorker } from '../../server/delivery/worker';
import { PASSWORD, startTestServer } from '../server/helpers';
import type { TestServer } from '../server/helpers';
import { received, startSink, stopSink } from '../server/smtp-sink-process';
import type { Sink } from '../server/smtp-sink-process';
import {
  collectPageErrors,
  drawOn,
  goOffline,
  launchChromium,
  newFrenchContext,
  startRendererServer,
  saveTechnicianProfile,
  saveCompanyIdentity,
} from './harness';
import { CLIENT_ID, pushLefevreOffice, MINUTE, SITE_ID, T0 } from './lefevre-office';

async function seedOffice(server: TestServer): Promise<void> {
  await pushLefevreOffice(server);
}

describe('the client’s copy, end to end in real Chromium', () => {
  let renderer: Awaited<ReturnType<typeof startRendererServer>>;
  let browser: Browser;
  let server: TestServer;
  let sink: Sink;
  const mailDir = mkdtempSync(join(tmpdir(), 'bordereau-e2e-smtp-'));

  beforeAll(async () => {
    renderer = await startRendererServer();
    server = await startTestServer('pglite', { allowedOrigins: [new URL(renderer.url).origin] });
    sink = await startSink(mailDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await renderer?.close();
    if (sink) await stopSink(sink);
    await server?.close();
  });

  it('signs offline with an e-mailed copy, prints, syncs; the e-mail arrives and its link says "authentique"', async () => {
    await seedOffice(server);
    const url = renderer.url;
    const context = await newFrenchContext(browser);
    const tech = await context.newPage();
    const errors = collectPageErrors(tech);
    await tech.clock.setFixedTime(T0 - 5 * MINUTE);
    await tech.goto(`${url}#/synchronisation`);
    await tech.getByLabel('Adresse du serveur').fill(server.url);
    await tech.getByLabel('E-mail').fill(server.tech1.email);
    await tech.getByLabel('Mot de passe').fill(PASSWORD);
    await tech.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => tech.getByTestId('sync-result').count(), { timeout: 30_000 }).toBe(1);
    await saveCompanyIdentity(tech);

    await goOffline(context, tech);
    await tech.goto(`${url}#/interventions/nouvelle?client=${CLIENT_ID}`);
    await expect
      .poll(() => tech.getByRole('combobox', { name: /^Site/ }).inputValue())
      .toBe(SITE_ID);
    await tech.getByLabel('Objet de la demande').fill('Serveur de fichiers très lent');
    await tech.getByLabel('Représentant du client présent').fill('Hélène Lefèvre');
    await tech.getByLabel('Fonction', { exact: true }).fill('Gérante');
    await tech.clock.setFixedTime(T0);
    await tech.getByRole('button', { name: 'Démarrer l’intervention' }).click();
    await expect.poll(() => tech.getByTestId('timer-state').textContent()).toBe('En cours');
    await tech.clock.setFixedTime(T0 + 165 * MINUTE);
    await tech.getByRole('button', { name: 'Terminer la visite' }).click();
    await expect.poll(() => tech.getByTestId('timer-state').textContent()).toBe('Terminée');
    await tech
      .getByLabel('Travaux réalisés')
      .fill('Remplacement du disque n° 3 → RAID reconstruit.');
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
    await tech.getByLabel(/Envoyé par e-mail par le bureau/).check();
    await tech
      .getByLabel(/Adresses e-mail du signataire/)
      .fill('helene.lefevre@cabinet-lefevre.example, informatique@cabinet-lefevre.example');
    await tech.clock.setFixedTime(T0 + 170 * MINUTE);
    await tech.getByRole('button', { name: 'Signer et sceller le bordereau' }).click();
    await expect
      .poll(() => tech.getByTestId('report-status').textContent(), { timeout: 20_000 })
      .toContain('Signé par le client et le technicien');
    expect(await tech.getByTestId('client-copy').textContent()).toContain(
      'imprimé et remis sur place ; envoyé par e-mail par le bureau à helene.lefevre@cabinet-lefevre.example',
    );

    // Print, still offline: the PDF opens in a new tab for the browser's print dialog.
    const [tab] = await Promise.all([
      context.waitForEvent('page'),
      tech.getByRole('button', { name: 'Imprimer l’exemplaire du client' }).click(),
    ]);
    expect(tab.url()).toMatch(/^blob:/);
    await expect.poll(() => tech.getByRole('status').filter({ hasText: 'Ctrl+P' }).count()).toBe(1);
    await tab.close();

    // Back online: the report syncs; the office server's outbox e-mails it.
    await context.setOffline(false);
    await tech.goto(`${url}#/synchronisation`);
    await tech.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await expect
      .poll(() => tech.getByTestId('sync-pending').textContent(), { timeout: 60_000 })
      .toBe('0');
    const worker = startDeliveryWorker({
      db: server.db,
      config: {
        smtpUrl: `smtp://127.0.0.1:${sink.port}`,
        from: 'Arcelle Infogérance <bordereaux@arcelle.example>',
        publicUrl: server.url,
        intervalMs: 3_600_000,
      },
    });
    try {
      await worker.tick();
    } finally {
      worker.stop();
    }
    const mails = await received(mailDir);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    const pdf = mail?.attachments[0];
    expect(pdf?.filename).toBe('BI-2026-JD-0001.pdf');
    const check = await verifyReportPdf(new Uint8Array(pdf?.content ?? []));
    expect(check.ok, check.lines.join('\n')).toBe(true);
    const hash = /Empreinte SHA-256 recalculée du contenu joint : ([0-9a-f]{64})/.exec(
      check.lines.join('\n'),
    )?.[1];
    // The QR code's target (the laptop syncs with this server) opened in the browser.
    const link = verificationUrl(server.url, {
      number: 'BI-2026-JD-0001',
      version: 1,
      hash: hash ?? '',
    });
    expect(mail?.text).toContain(link);
    const phone = await context.newPage();
    await phone.goto(link);
    expect(await phone.locator('#verdict').textContent()).toBe('Bordereau authentique');
    expect(await phone.locator('body').textContent()).toContain('par Julien Durand');
    expect(
      errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)),
    ).toEqual([]);
    await context.close();
  });
});
