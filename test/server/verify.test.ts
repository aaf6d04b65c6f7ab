import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newVersionOf, sealReport } from '../../shared/report/seal';
import { verificationUrl } from '../../shared/report/pdf/qr-code';
import type { SealedReport } from '../../shared/report/model';
import { BACKENDS, createClient, startTestServer, stopPostgres, TestDevice } from './helpers';
import type { TestServer } from './helpers';
import { PNG_1PX, plain, sealedReport } from './report-fixture';

/** The page the QR code opens, fetched like a phone would: no token, no version headers. */
async function open(url: string): Promise<{ status: number; text: string; type: string }> {
  const res = await fetch(url);
  return {
    status: res.status,
    text: (await res.text()).replace(/\s+/g, ' '),
    type: res.headers.get('content-type') ?? '',
  };
}

describe.each(BACKENDS)('public verification page on %s', (backend) => {
  let server: TestServer;
  let first: SealedReport;
  let second: SealedReport;

  beforeAll(async () => {
    server = await startTestServer(backend);
    const clientId = await createClient(server);
    await server.assign(server.tech1, clientId);
    const device = new TestDevice(server.tech1.api);
    first = await sealedReport(uuidv7(), 7);
    const next = newVersionOf(first, { id: uuidv7(), now: first.seal.sealedAt + 60_000 });
    const at = first.seal.sealedAt + 120_000;
    second = await sealReport(
      next,
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
    const res = await device.push([
      device.upsert('reports', first.content.id, {
        clientId,
        interventionId: uuidv7(),
        ...plain(first),
      }),
      device.upsert('reports', second.content.id, {
        clientId,
        interventionId: uuidv7(),
        ...plain(second),
      }),
    ]);
    expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  const link = (report: SealedReport, hash = report.seal.hash, version?: number) =>
    verificationUrl(server.url, {
      number: report.content.number,
      version: version ?? report.content.version.number,
      hash,
    });

  it('says "authentique", when and by whom, without a login', async () => {
    const page = await open(link(second));
    expect(page.status).toBe(200);
    expect(page.type).toContain('text/html');
    expect(page.text).toContain('<h1 id="verdict">Bordereau authentique</h1>');
    expect(page.text).toContain(
      'Le bordereau BI-2026-JD-0007, version 2, a été signé et scellé le 02/11/2026 à 10:42 (heure de Paris) par Jean Dupont, pour Infogérance Île-de-France.',
    );
    expect(page.text).toContain('Aucune version plus récente n’existe.');
    // nothing else of the report: no client, no amount, no work
    expect(page.text).not.toContain('ALLANCE');
    expect(page.text).not.toContain('Serveur lent');
    expect(page.text).not.toContain('130,00');
  });

  it('says a newer version replaces an older one', async () => {
    const page = await open(link(first));
    expect(page.text).toContain('Bordereau authentique');
    expect(page.text).toContain(
      'Attention : une version plus récente (version 2) remplace ce bordereau.',
    );
  });

  it('gives the same "non authentique" answer for a wrong hash, version or number', async () => {
    const wrongHash = await open(link(second, 'f'.repeat(64)));
    const wrongVersion = await open(link(second, second.seal.hash, 1));
    const unknown = await open(
      verificationUrl(server.url, { number: 'BI-2026-ZZ-0001', version: 1, hash: 'a'.repeat(64) }),
    );
    for (const page of [wrongHash, wrongVersion, unknown]) {
      expect(page.status).toBe(200);
      expect(page.text).toContain('<h1 id="verdict">Non authentique</h1>');
    }
    expect(wrongHash.text).toBe(unknown.text);
  });

  it('refuses a malformed link in French', async () => {
    const page = await open(`${server.url}/verifier?n=x&v=0&h=123`);
    expect(page.status).toBe(400);
    expect(page.text).toContain('Lien de vérification invalide');
  });
});
