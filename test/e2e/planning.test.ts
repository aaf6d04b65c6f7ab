import type { Browser, Page } from 'playwright-core';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractSchema } from '../../shared/billing/contract';
import { jobSchema } from '../../shared/planning/job';
import { mergeJob } from '../../shared/planning/job-merge';
import { requestSchema } from '../../shared/planning/request';
import { requestDeadline } from '../../shared/planning/request-deadline';
import { requestSlaStatus } from '../../shared/planning/request-sla-status';
import { siteSchema } from '../../shared/inventory/site';
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
} from './harness';
import {
  CLIENT_ID,
  EQUIPMENT_ID,
  lefevreClient,
  lefevreContract,
  pushLefevreOffice,
  MINUTE,
  SITE_ID,
  T0,
} from './lefevre-office';
import { typeDate } from './date-input';

/**
 * The technician's day from the office's plan, end to end, in real Chromium with two
 * profiles and the real server (PGlite): the office records a client's call and plans it for
 * a technician; the technician syncs in the morning, goes offline, finds the job in
 * « Aujourd'hui », starts the visit from it, and the client signs; back online, the office
 * sees the request answered within its deadline and the job signed.
 *
 * The first test drives the office's own app (its Planning screen: the call's form, then the
 * request planned for a technician on a day and slot); the reassignment test plans through the
 * sync API, as the office's app does (one push of the request and the job).
 */

const ACCESS_NOTES = 'Badge à demander à l’accueil ; baie au sous-sol, code 4512.';
/** Monday 23 November 2026, 08:30 in Paris: the client calls, the server is down. */
const CALLED_AT = T0 - 30 * MINUTE;
/** 10:05: the technician arrives, well within 4 working hours (due at 14:30: 9:00–12:30, then 14:00–14:30). */
const ARRIVAL = T0 + 65 * MINUTE;

async function seedOffice(server: TestServer): Promise<void> {
  const res = await pushLefevreOffice(server, { accessNotes: ACCESS_NOTES });
  expect(res.body.results.map((r) => r.status)).toEqual(Array(4).fill('applied'));
}

const DESCRIPTION = 'Le serveur de fichiers ne répond plus.';

/**
 * In the office's app, logged in: the call recorded in the Planning screen's form, then the
 * request planned for Jean Dupont today, 10:00–12:00, and sent to the server.
 */
async function recordAndPlanInApp(office: Page, url: string): Promise<void> {
  await office.goto(`${url}#/planning`);
  const call = office.getByRole('form', { name: 'Nouvel appel' });
  // A label wrapping its control also names it with the control's value: hence /^Client/.
  await call.getByLabel(/^Client/).selectOption({ label: lefevreClient.name });
  await call.getByLabel(/^Site/).selectOption({ label: 'Siège – Vincennes — Vincennes' });
  await call
    .getByLabel('Équipements')
    .selectOption({ label: 'PowerEdge T350 — SRV-FICHIERS — CN7J8K3' });
  await call.getByLabel('Description').fill(DESCRIPTION);
  await call.getByLabel('Canal').selectOption({ label: 'Téléphone' });
  await typeDate(call, 'Jour de l’appel', '2026-11-23');
  await typeDate(call, 'Heure de l’appel', '08:30');
  await call.getByLabel('Type').selectOption({ label: 'Incident' });
  await call
    .getByLabel('Classe de délai')
    .selectOption({ label: 'Serveurs et réseau (4 h ouvrées)' });
  // The deadline the office reads while the client is on the phone: 4 working hours.
  await expect
    .poll(() => call.getByTestId('request-deadline').textContent())
    .toContain('Échéance : 23/11/2026 à 14:30');
  await call.getByRole('button', { name: 'Enregistrer la demande' }).click();
  await expect.poll(() => call.getByRole('status').textContent()).toBe('Demande enregistrée.');

  // The request waits in the queue; the office gives it to Jean today, 10:00–12:00.
  const queued = office.getByRole('listitem').filter({ hasText: DESCRIPTION });
  const plan = queued.getByRole('group', { name: 'Planifier la demande' });
  await plan.getByLabel('Jean Dupont').check();
  await typeDate(plan, 'Jour', '2026-11-23');
  await typeDate(plan, 'De', '10:00');
  await typeDate(plan, 'À', '12:00');
  await plan.getByRole('button', { name: 'Planifier' }).click();
  await expect
    .poll(() => office.getByRole('row').filter({ hasText: DESCRIPTION }).textContent())
    .toContain('Planifiée');
  await expect.poll(() => queued.count()).toBe(0);
  await screenshot(office, 'planning-office-planned');

  await office.goto(`${url}#/synchronisation`);
  await office.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  await expect
    .poll(() => office.getByTestId('sync-pending').textContent(), { timeout: 60_000 })
    .toBe('0');
}

/** The office records the call and plans it for a technician today (10:00–12:00 unless said). */
async function planCall(
  server: TestServer,
  technicianId: string,
  slot = { from: '10:00', to: '12:00' },
): Promise<{ requestId: string; jobId: string }> {
  const requestId = uuidv7();
  const jobId = uuidv7();
  const office = new TestDevice(server.office.api);
  const res = await office.push([
    office.upsert('requests', requestId, {
      clientId: CLIENT_ID,
      siteId: SITE_ID,
      equipmentIds: [EQUIPMENT_ID],
      description: DESCRIPTION,
      channel: 'phone',
      calledAt: CALLED_AT,
      kind: 'incident',
      urgency: 'normal',
      urgentMode: 'onsite',
      slaClass: 'server-network',
      quoteId: null,
      respondedAt: null,
    }),
    office.upsert('jobs', jobId, {
      clientId: CLIENT_ID,
      requestId,
      technicianIds: [technicianId],
      date: '2026-11-23',
      slot,
      status: 'planned',
      round: 0,
      visits: [],
      needsLog: null,
    }),
  ]);
  expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  return { requestId, jobId };
}

async function logIn(page: Page, url: string, apiUrl: string, email: string): Promise<void> {
  await page.goto(`${url}#/synchronisation`);
  await page.getByLabel('Adresse du serveur').fill(apiUrl);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect.poll(() => page.getByTestId('sync-account').textContent()).toContain(email);
  await expect.poll(() => page.getByTestId('sync-result').count(), { timeout: 30_000 }).toBe(1);
}

/** The id of the one record of an entity on the server, as the office's app pulls it. */
async function onlyRecordId(server: TestServer, entity: string): Promise<string> {
  const { records } = await server.office.api.pullAll(uuidv7());
  const [id, ...others] = records.filter((r) => r.entity === entity).map((r) => r.recordId);
  if (id === undefined || others.length > 0) {
    throw new Error(`${others.length + (id ? 1 : 0)} ${entity} sur le serveur, 1 attendu`);
  }
  return id;
}

/** The office's view of a record, as its app pulls it. */
async function officeRecord(server: TestServer, entity: string, id: string): Promise<unknown> {
  const { records } = await server.office.api.pullAll(uuidv7());
  const found = records.find((r) => r.entity === entity && r.recordId === id);
  if (!found) throw new Error(`${entity} ${id} absent du serveur`);
  return { ...found.data, id, revision: found.revision, updatedAt: 0 };
}

const onlyOfflineNoise = (errors: string[]) =>
  errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e));

describe('a call planned by the office becomes the technician’s day, offline', () => {
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

  it('the technician works the planned job offline; the office sees the request met in time', async () => {
    const url = renderer.url;
    await seedOffice(server);

    // The office, in its app: the client's call recorded and planned, then synced.
    const officeContext = await newFrenchContext(browser);
    const office = await officeContext.newPage();
    const officeErrors = collectPageErrors(office);
    await office.clock.setFixedTime(CALLED_AT + 5 * MINUTE);
    await logIn(office, url, server.url, server.office.email);
    await recordAndPlanInApp(office, url);
    const requestId = await onlyRecordId(server, 'requests');
    const jobId = await onlyRecordId(server, 'jobs');
    expect(requestSchema.parse(await officeRecord(server, 'requests', requestId))).toMatchObject({
      clientId: CLIENT_ID,
      siteId: SITE_ID,
      equipmentIds: [EQUIPMENT_ID],
      description: DESCRIPTION,
      channel: 'phone',
      calledAt: CALLED_AT,
      kind: 'incident',
      urgency: 'normal',
      slaClass: 'server-network',
      respondedAt: null,
    });
    expect(jobSchema.parse(await officeRecord(server, 'jobs', jobId))).toMatchObject({
      clientId: CLIENT_ID,
      requestId,
      technicianIds: [server.tech1.id],
      date: '2026-11-23',
      slot: { from: '10:00', to: '12:00' },
      status: 'planned',
    });

    // The morning sync, online.
    const context = await newFrenchContext(browser);
    const tech = await context.newPage();
    const errors = collectPageErrors(tech);
    await tech.clock.setFixedTime(T0 - 20 * MINUTE);
    await logIn(tech, url, server.url, server.tech1.email);
    await saveCompanyIdentity(tech);

    // On the road, no network: the app opens on « Aujourd'hui ».
    await goOffline(context, tech);
    await tech.goto(`${url}#/`);
    await expect.poll(() => tech.url()).toContain('#/aujourdhui');
    const card = tech.getByTestId('job-card');
    await expect.poll(() => card.count()).toBe(1);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('10:00–12:00 · Cabinet Lefèvre & Associés');
    expect(text).toContain('8 avenue du Château, 94300 Vincennes');
    expect(text).toContain('Le serveur de fichiers ne répond plus.');
    expect(await card.getByTestId('access-notes').textContent()).toBe(ACCESS_NOTES);
    expect(await card.getByTestId('job-equipment').textContent()).toContain(
      'Serveur Dell PowerEdge T350',
    );
    expect(await card.getByTestId('job-deadline').textContent()).toMatch(
      /Dans les délais.*Échéance le 23\/11\/2026 à 14:30/,
    );
    expect(await card.getByTestId('job-status').textContent()).toBe('Planifiée');
    await screenshot(tech, 'planning-today');

    // Arrival: the visit starts from the job, filled from the request.
    await card.getByLabel('Représentant du client présent').fill('Hélène Lefèvre');
    await card.getByLabel('Fonction', { exact: true }).fill('Gérante');
    await card.getByLabel(/Le client confirme disposer d’une sauvegarde/).check();
    await tech.clock.setFixedTime(ARRIVAL);
    await card.getByRole('button', { name: 'Démarrer l’intervention' }).click();
    await expect.poll(() => tech.getByTestId('timer-state').textContent()).toBe('En cours');
    const visitUrl = tech.url();
    await tech.getByRole('link', { name: 'Aujourd’hui' }).click();
    await expect.poll(() => tech.getByTestId('job-status').textContent()).toBe('En cours');
    expect(await tech.getByTestId('job-deadline').textContent()).toContain('Délai respecté');

    // The work, then the client's signature.
    await tech.goto(visitUrl);
    await tech.clock.setFixedTime(ARRIVAL + 80 * MINUTE);
    await tech.getByRole('button', { name: 'Terminer la visite' }).click();
    await expect.poll(() => tech.getByTestId('timer-state').textContent()).toBe('Terminée');
    await tech.getByLabel('Travaux réalisés').fill('Alimentation remplacée, serveur redémarré.');
    await tech.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
    await expect
      .poll(() => tech.getByRole('status').filter({ hasText: 'Enregistré.' }).count())
      .toBe(1);
    await tech.getByRole('link', { name: 'Passer à la signature' }).click();
    await saveTechnicianProfile(tech, 'Jean Dupont', 'JDU');
    await expect
      .poll(() => tech.getByLabel('Nom du signataire').inputValue())
      .toBe('Hélène Lefèvre');
    await drawOn(tech, 'Signature du client');
    await tech.clock.setFixedTime(ARRIVAL + 85 * MINUTE);
    await tech.getByRole('button', { name: 'Signer et sceller le bordereau' }).click();
    await expect
      .poll(() => tech.getByTestId('report-status').textContent(), { timeout: 20_000 })
      .toContain('Signé par le client et le technicien');
    await tech.goto(`${url}#/aujourdhui`);
    await expect.poll(() => tech.getByTestId('job-status').textContent()).toBe('Signée');
    await screenshot(tech, 'planning-today-signed');

    // Back online: the app syncs on its own.
    await context.setOffline(false);
    await tech.goto(`${url}#/synchronisation`);
    await expect
      .poll(() => tech.getByTestId('sync-pending').textContent(), { timeout: 60_000 })
      .toBe('0');

    // The office: the request answered at the arrival, within its deadline; the job signed.
    const request = requestSchema.parse(await officeRecord(server, 'requests', requestId));
    expect(request.respondedAt).toBe(ARRIVAL);
    const site = siteSchema.parse(await officeRecord(server, 'sites', SITE_ID));
    const deadline = requestDeadline(request, {
      openingHours: site.openingHours,
      contract: contractSchema.parse(lefevreContract()),
    });
    expect(requestSlaStatus(deadline, request.respondedAt, ARRIVAL + 6 * 60 * MINUTE)).toEqual({
      status: 'met',
      message:
        'Intervention le 23/11/2026 à 10:05, délai respecté (échéance le 23/11/2026 à 14:30).',
    });
    const job = jobSchema.parse(await officeRecord(server, 'jobs', jobId));
    expect(job.status).toBe('signed');
    expect(job.technicianIds).toEqual([server.tech1.id]);
    expect(job.visits).toEqual([
      { visitId: expect.any(String), technicianId: server.tech1.id, status: 'signed' },
    ]);
    const visit = (await officeRecord(server, 'interventions', job.visits[0]!.visitId)) as {
      jobId: string;
      status: string;
    };
    expect(visit).toMatchObject({ jobId, status: 'signed' });
    // And on the office's laptop that planned it, in its Planning screen's list of requests.
    await office.clock.setFixedTime(ARRIVAL + 6 * 60 * MINUTE);
    await office.goto(`${url}#/synchronisation`);
    await office.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await office.goto(`${url}#/planning`);
    const row = office.getByRole('row').filter({ hasText: DESCRIPTION });
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('Délai respecté');
    await screenshot(office, 'planning-office-sla');
    expect(officeErrors).toEqual([]);
    await officeContext.close();
    expect(onlyOfflineNoise(errors)).toEqual([]);
    await context.close();
  });

  it('a job reassigned while its technician was offline ends on the new one’s laptop only, the first one’s work kept for the office', async () => {
    const url = renderer.url;
    await server.assign(server.tech2, CLIENT_ID);
    // The afternoon: the morning's job (the test above) stays on Jean's list, signed.
    const { jobId } = await planCall(server, server.tech1.id, { from: '14:00', to: '16:00' });
    const afternoon = (page: Page) =>
      page.getByTestId('job-card').filter({ hasText: '14:00–16:00' });

    // Jean syncs in the morning and works the job offline.
    const jeanContext = await newFrenchContext(browser);
    const jean = await jeanContext.newPage();
    const jeanErrors = collectPageErrors(jean);
    await jean.clock.setFixedTime(T0 - 20 * MINUTE);
    await logIn(jean, url, server.url, server.tech1.email);
    await goOffline(jeanContext, jean);
    await jean.goto(`${url}#/aujourdhui`);
    const card = afternoon(jean);
    await expect.poll(() => card.count()).toBe(1);
    await card.getByLabel(/Le client confirme disposer d’une sauvegarde/).check();
    await jean.clock.setFixedTime(ARRIVAL);
    await card.getByRole('button', { name: 'Démarrer l’intervention' }).click();
    await expect.poll(() => jean.getByTestId('timer-state').textContent()).toBe('En cours');
    const visitUrl = jean.url();
    await jean.clock.setFixedTime(ARRIVAL + 30 * MINUTE);
    await jean.getByRole('button', { name: 'Terminer la visite' }).click();
    await expect.poll(() => jean.getByTestId('timer-state').textContent()).toBe('Terminée');

    // Meanwhile the office gives the job to Marie, who syncs.
    const stored = jobSchema.parse(await officeRecord(server, 'jobs', jobId));
    const office = new TestDevice(server.office.api);
    const moved = await office.push([
      office.upsert('jobs', jobId, { technicianIds: [server.tech2.id] }, stored.revision),
    ]);
    expect(moved.body.results.map((r) => r.status)).toEqual(['applied']);
    const marieContext = await newFrenchContext(browser);
    const marie = await marieContext.newPage();
    const marieErrors = collectPageErrors(marie);
    await marie.clock.setFixedTime(ARRIVAL + 40 * MINUTE);
    await logIn(marie, url, server.url, server.tech2.email);
    await marie.goto(`${url}#/aujourdhui`);
    await expect.poll(() => afternoon(marie).count()).toBe(1);

    // Jean back online: his work goes up, the job leaves his laptop.
    await jeanContext.setOffline(false);
    await jean.goto(`${url}#/synchronisation`);
    await jean.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await expect
      .poll(() => jean.getByTestId('sync-pending').textContent(), { timeout: 60_000 })
      .toBe('0');
    await jean.goto(`${url}#/aujourdhui`);
    await expect.poll(() => jean.getByTestId('job-card').count()).toBe(1);
    expect(await afternoon(jean).count()).toBe(0);
    // His visit stays on his laptop, linked to the job, and reached the office.
    await jean.goto(visitUrl);
    await expect.poll(() => jean.getByTestId('timer-state').textContent()).toBe('Terminée');
    const visitId = /#\/interventions\/([0-9a-f-]{36})/.exec(visitUrl)![1]!;
    expect(await officeRecord(server, 'interventions', visitId)).toMatchObject({ jobId });

    // The office: Marie's job, with Jean's work kept in it.
    const job = jobSchema.parse(await officeRecord(server, 'jobs', jobId));
    expect(job.technicianIds).toEqual([server.tech2.id]);
    expect(job.visits).toEqual([{ visitId, technicianId: server.tech1.id, status: 'done' }]);
    expect(mergeJob(job, job).keptWork).toEqual([
      expect.objectContaining({ technicianId: server.tech1.id, visitId }),
    ]);
    // Marie has only her job: Jean's morning job is not hers and never reached her laptop.
    await marie.goto(`${url}#/aujourdhui`);
    await expect.poll(() => marie.getByTestId('job-card').count()).toBe(1);
    expect(onlyOfflineNoise(jeanErrors)).toEqual([]);
    expect(marieErrors).toEqual([]);
    await jeanContext.close();
    await marieContext.close();
  });
});
