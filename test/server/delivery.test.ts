import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractSchema } from '../../shared/billing/contract';
import type {
  ActivityDeliveryView,
  DeliveriesResponse,
  DeliveryView,
} from '../../shared/report/delivery';
import { deliveryStatusLabel } from '../../shared/report/delivery';
import type { SealedReport } from '../../shared/report/model';
import { newVersionOf, sealReport } from '../../shared/report/seal';
import { verifyReportPdf } from '../../scripts/report-verify';
import { startDeliveryWorker } from '../../server/delivery/worker';
import type { DeliveryWorker } from '../../server/delivery/worker';
import { retryDelayMs } from '../../server/delivery/outbox';
import { BACKENDS, createClient, startTestServer, stopPostgres, TestDevice } from './helpers';
import type { TestServer } from './helpers';
import { draftReport, PNG_1PX, plain } from './report-fixture';
import { received, startSink, stopSink } from './smtp-sink-process';
import type { Sink } from './smtp-sink-process';

const SIGNER = 'paul.martin@allance.example';
const IT = 'informatique@allance.example';

function recipientsOf(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((a) => a.value.map((v) => v.address ?? '')).sort();
}

async function sealWithCopy(draft = draftReport(uuidv7(), 1), at = Date.UTC(2026, 10, 2, 9, 50)) {
  draft.content.clientCopy = { methods: ['printed', 'email'], emails: [SIGNER, IT] };
  return sealReport(
    draft,
    {
      client: {
        status: 'signed',
        signerName: 'Paul Martin',
        role: 'DSI',
        signedAt: at,
        imagePngDataUrl: PNG_1PX,
      },
      technician: { name: 'Jean Dupont', signedAt: at, imagePngDataUrl: PNG_1PX },
    },
    at,
  );
}

describe.each(BACKENDS)('e-mailing the client’s copy on %s', (backend) => {
  let server: TestServer;
  let device: TestDevice;
  let clientId: string;
  let dir: string;
  let sink: Sink;
  let clock = Date.now();
  const now = () => clock;
  let worker: DeliveryWorker;

  const newWorker = (smtp = true): DeliveryWorker =>
    startDeliveryWorker({
      db: server.db,
      now,
      config: {
        smtpUrl: smtp ? `smtp://127.0.0.1:${sink.port}` : null,
        from: 'Infogérance Île-de-France <bordereaux@idf.example>',
        publicUrl: server.url,
        intervalMs: 3_600_000,
      },
    });

  const push = async (report: SealedReport) => {
    const res = await device.push([
      device.upsert('reports', report.content.id, {
        clientId,
        interventionId: uuidv7(),
        ...plain(report),
      }),
    ]);
    expect(res.body.results[0]?.status).toBe('applied');
  };

  const deliveries = async (reportId: string): Promise<DeliveriesResponse> => {
    const res = await server.office.api.request<DeliveriesResponse>(
      'GET',
      `/api/v1/reports/${reportId}/deliveries`,
    );
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    server = await startTestServer(backend);
    clientId = await createClient(server);
    await server.assign(server.tech1, clientId);
    device = new TestDevice(server.tech1.api);
    dir = mkdtempSync(join(tmpdir(), 'bordereau-smtp-'));
    sink = await startSink(dir);
    worker = newWorker();
  });
  afterAll(async () => {
    worker?.stop();
    if (sink) await stopSink(sink);
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  it('sends one message per report version, PDF attached, to the signer and the chosen contacts', async () => {
    const first = await sealWithCopy();
    await push(first);
    await worker.tick();
    await worker.tick(); // a second round sends nothing more
    let mails = await received(dir);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    if (!mail) throw new Error('mail expected');
    expect(recipientsOf(mail)).toEqual([IT, SIGNER].sort());
    expect(mail.subject).toBe('Bordereau d’intervention BI-2026-JD-0001 – ALLANCE SAS');
    expect(mail.text).toContain('Veuillez trouver ci-joint votre exemplaire du bordereau');
    expect(mail.text).toContain('document de constat et non une facture');
    expect(mail.text).toContain(
      `${server.url}/verifier?n=BI-2026-JD-0001&v=1&h=${first.seal.hash}`,
    );
    const [pdf] = mail.attachments;
    expect(pdf?.filename).toBe('BI-2026-JD-0001.pdf');
    expect(pdf?.contentType).toBe('application/pdf');
    const check = await verifyReportPdf(new Uint8Array(pdf?.content ?? []));
    expect(check.ok, check.lines.join('\n')).toBe(true);
    expect(check.lines.join('\n')).toContain(first.seal.hash);

    const second = await sealWithCopy(
      newVersionOf(first, { id: uuidv7(), now: first.seal.sealedAt + 60_000 }),
      first.seal.sealedAt + 120_000,
    );
    await push(second);
    await worker.tick();
    mails = await received(dir);
    expect(mails).toHaveLength(2);
    expect(mails[1]?.subject).toBe(
      'Bordereau d’intervention BI-2026-JD-0001 (version 2) – ALLANCE SAS',
    );
    expect(mails[1]?.attachments[0]?.filename).toBe('BI-2026-JD-0001-v2.pdf');

    const view = await deliveries(first.content.id);
    expect(view.deliveries).toMatchObject([{ status: 'sent', attempts: 1, reason: 'signed' }]);
    expect(deliveryStatusLabel(view.deliveries[0] as DeliveryView, true)).toBe('Envoyé');
  });

  it('adds the contacts the client’s contract names for its copies', async () => {
    const office = new TestDevice(server.office.api);
    const itContact = uuidv7();
    const contractId = uuidv7();
    const contract = contractSchema.parse({
      id: contractId,
      clientId,
      reference: 'CT-2026-014',
      startsOn: '2026-01-01',
      hourlyRateCents: 9_000,
      coverage: { kind: 'all' },
      articles: {},
      copyRecipientContactIds: [itContact],
    });
    const { id: _omit, ...contractData } = contract;
    const setUp = await office.push([
      office.upsert('contacts', itContact, {
        clientId,
        role: 'it-correspondent',
        name: 'Service informatique',
        email: 'support@allance.example',
      }),
      office.upsert('contracts', contractId, contractData),
    ]);
    expect(setUp.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const draft = draftReport(uuidv7(), 5);
    draft.content.contract = { reference: 'CT-2026-014', label: '' };
    const report = await sealWithCopy(draft);
    const before = (await received(dir)).length;
    await push(report);
    await worker.tick();
    const mails = await received(dir);
    expect(mails).toHaveLength(before + 1);
    expect(recipientsOf(mails[mails.length - 1] as ParsedMail)).toEqual(
      [IT, SIGNER, 'support@allance.example'].sort(),
    );
    const [delivery] = (await deliveries(report.content.id)).deliveries;
    expect(delivery?.recipients).toEqual([SIGNER, IT, 'support@allance.example']);
  });

  it('e-mails a month’s activity report to the contacts the contract names', async () => {
    const path = `/api/v1/clients/${clientId}/activity-reports`;
    const bad = await server.office.api.request('POST', path, { month: '2026-13' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      issues: [{ path: 'month', message: 'Mois invalide (attendu : AAAA-MM).' }],
    });
    const tech = await server.tech1.api.request('POST', path, { month: '2026-11' });
    expect(tech.status).toBe(403);
    const before = (await received(dir)).length;
    const res = await server.office.api.request<ActivityDeliveryView>('POST', path, {
      month: '2026-11',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ recipients: ['support@allance.example'], status: 'pending' });
    clock = Math.max(clock, Date.now()); // the route dates the request by the server's clock
    await worker.tick();
    await worker.tick(); // sent once
    const mails = await received(dir);
    expect(mails).toHaveLength(before + 1);
    const mail = mails[mails.length - 1] as ParsedMail;
    expect(recipientsOf(mail)).toEqual(['support@allance.example']);
    expect(mail.subject).toBe('Rapport d’activité novembre 2026 – ALLANCE SAS');
    expect(mail.text).toContain('Veuillez trouver ci-joint le rapport d’activité de novembre 2026');
    const [pdf] = mail.attachments;
    expect(pdf?.filename).toBe('rapport-activite-2026-11.pdf');
    const file = join(dir, 'activity.pdf');
    writeFileSync(file, pdf?.content ?? Buffer.alloc(0));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Rapport d’activité – ALLANCE SAS');
    expect(text).toContain('du 01/11/2026 au 30/11/2026');
    // the month's bordereaux so far: 0001 (its version 2), 0005 (the contract's test)
    expect(text).toContain('BI-2026-JD-0001 (v2)');
    expect(text).toContain('BI-2026-JD-0005');
    const list = await server.office.api.request<{ deliveries: ActivityDeliveryView[] }>(
      'GET',
      path,
    );
    expect(list.body.deliveries).toMatchObject([{ month: '2026-11', status: 'sent', attempts: 1 }]);
  });

  it('retries after the SMTP server was down, and never sends again after a restart', async () => {
    const report = await sealWithCopy(draftReport(uuidv7(), 2));
    const before = (await received(dir)).length;
    const port = sink.port;
    await stopSink(sink);
    await push(report);
    await worker.tick();
    let [delivery] = (await deliveries(report.content.id)).deliveries;
    expect(delivery).toMatchObject({ status: 'retrying', attempts: 1 });
    expect(delivery?.lastError).toContain('Serveur de messagerie injoignable');
    expect(deliveryStatusLabel(delivery as DeliveryView, true)).toContain('nouvel essai prévu');

    sink = await startSink(dir, port);
    await worker.tick(); // not due yet: back-off
    expect(await received(dir)).toHaveLength(before);
    clock += retryDelayMs(1);
    await worker.tick();
    expect(await received(dir)).toHaveLength(before + 1);
    [delivery] = (await deliveries(report.content.id)).deliveries;
    expect(delivery).toMatchObject({ status: 'sent', attempts: 2 });

    // "restart": a new worker over the same database, later
    worker.stop();
    worker = newWorker();
    clock += 24 * 60 * 60_000;
    await worker.tick();
    await worker.tick();
    expect(await received(dir)).toHaveLength(before + 1);
  });

  it('lets the office resend, and shows a refused address as bounced', async () => {
    const report = await sealWithCopy(draftReport(uuidv7(), 3));
    await push(report);
    await worker.tick();
    const before = (await received(dir)).length;
    const resend = await server.office.api.request<DeliveryView>(
      'POST',
      `/api/v1/reports/${report.content.id}/deliveries`,
      {},
    );
    expect(resend.status).toBe(201);
    expect(resend.body).toMatchObject({ reason: 'resend', status: 'pending' });
    const bounce = await server.office.api.request<DeliveryView>(
      'POST',
      `/api/v1/reports/${report.content.id}/deliveries`,
      { emails: ['inconnu@refuse.example'] },
    );
    expect(bounce.status).toBe(201);
    await worker.tick();
    const mails = await received(dir);
    expect(mails).toHaveLength(before + 1);
    expect(recipientsOf(mails[mails.length - 1] as ParsedMail)).toEqual([IT, SIGNER].sort());
    const view = await deliveries(report.content.id);
    expect(view.deliveries.map((d) => [d.reason, d.status])).toEqual([
      ['signed', 'sent'],
      ['resend', 'sent'],
      ['resend', 'bounced'],
    ]);
    expect(deliveryStatusLabel(view.deliveries[2] as DeliveryView, true)).toContain(
      'Refusé par la messagerie',
    );
    // a technician cannot see or trigger deliveries; bad input is refused precisely
    const tech = await server.tech1.api.request(
      'GET',
      `/api/v1/reports/${report.content.id}/deliveries`,
    );
    expect(tech.status).toBe(403);
    const bad = await server.office.api.request(
      'POST',
      `/api/v1/reports/${report.content.id}/deliveries`,
      { emails: ['pas une adresse'] },
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      issues: [{ path: 'emails.0', message: 'Adresse e-mail invalide.' }],
    });
  });

  it('with no SMTP server configured, keeps the request and shows "non envoyé"', async () => {
    worker.stop();
    const quiet = newWorker(false);
    try {
      const report = await sealWithCopy(draftReport(uuidv7(), 4));
      const before = (await received(dir)).length;
      await push(report);
      await quiet.tick();
      expect(await received(dir)).toHaveLength(before);
      const view = await deliveries(report.content.id);
      expect(view.smtpConfigured).toBe(false); // the test server runs without BORDEREAU_SMTP_URL
      const [delivery] = view.deliveries;
      expect(delivery).toMatchObject({ status: 'pending', attempts: 0 });
      expect(deliveryStatusLabel(delivery as DeliveryView, false)).toBe(
        'Non envoyé : aucun serveur de messagerie configuré',
      );
    } finally {
      quiet.stop();
      worker = newWorker();
    }
  });
});
