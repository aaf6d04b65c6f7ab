import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { sealReport } from '../../../shared/report/seal';
import type { SealedReport } from '../../../shared/report/model';
import type { TestServer } from '../helpers';
import {
  BACKENDS,
  TestDevice,
  count,
  createClient,
  startTestServer,
  stopPostgres,
  visitData,
} from '../helpers';
import { PNG_1PX, draftReport, plain } from '../report-fixture';

/** A sealed report under another technician's name and code (Marie Curie, MC). */
async function sealedAs(id: string, sequence: number, name: string, code: string) {
  const draft = draftReport(id, sequence);
  draft.content.technician = { name, code };
  draft.content.number = `BI-2026-${code}-${String(sequence).padStart(4, '0')}`;
  const at = draft.content.issuedAt + 100 * 60_000;
  return plain(
    await sealReport(
      draft,
      {
        client: {
          status: 'signed',
          signerName: 'Paul Martin',
          role: 'DSI',
          signedAt: at,
          imagePngDataUrl: PNG_1PX,
        },
        technician: { name, signedAt: at, imagePngDataUrl: PNG_1PX },
      },
      at + 1000,
    ),
  ) as SealedReport;
}

describe.each(BACKENDS)('authorship of records on %s', (backend) => {
  let server: TestServer;
  let clientId: string;

  beforeAll(async () => {
    server = await startTestServer(backend);
    clientId = await createClient(server);
    await server.assign(server.tech1, clientId);
    await server.assign(server.tech2, clientId);
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  it('stamps who created and who last wrote a record from the pushing account, whatever the data claims', async () => {
    const visitId = uuidv7();
    const tech1 = new TestDevice(server.tech1.api);
    const claim = visitData(clientId, { technicianId: server.tech2.id });
    expect((await tech1.push([tech1.upsert('interventions', visitId, claim)])).status).toBe(200);
    const tech2 = new TestDevice(server.tech2.api);
    const edit = tech2.upsert('interventions', visitId, { contractId: 'contrat-2' }, 1);
    expect((await tech2.push([edit])).body.results[0]).toMatchObject({ status: 'applied' });

    const { records } = await server.office.api.pullAll(uuidv7());
    expect(records.find((r) => r.recordId === visitId)).toMatchObject({
      createdBy: server.tech1.id,
      updatedBy: server.tech2.id,
    });
  });

  it('refuses a report numbered and signed under another technician’s code', async () => {
    const mine = new TestDevice(server.tech2.api);
    const own = await sealedAs(uuidv7(), 1, 'Marie Curie', 'MC');
    const first = await mine.push([
      mine.upsert('reports', own.content.id, { clientId, interventionId: uuidv7(), ...own }),
    ]);
    expect(first.body.results[0]).toMatchObject({ status: 'applied' });

    const forger = new TestDevice(server.tech1.api);
    const forged = await sealedAs(uuidv7(), 2, 'Marie Curie', 'MC');
    const res = await forger.push([
      forger.upsert('reports', forged.content.id, {
        clientId,
        interventionId: uuidv7(),
        ...forged,
      }),
    ]);
    expect(res.body.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    expect(
      await count(server.db, 'SELECT count(*)::int AS n FROM records WHERE id = $1', [
        forged.content.id,
      ]),
    ).toBe(0);
  });

  it('keeps a signed report number unique per version, even pushed at once by several devices', async () => {
    const reports = await Promise.all(
      [uuidv7(), uuidv7(), uuidv7()].map((id) => sealedAs(id, 500, 'Bureau Paris', 'AA')),
    );
    const results = await Promise.all(
      reports.map(async (report) => {
        const device = new TestDevice(server.office.api);
        const res = await device.push([
          device.upsert('reports', report.content.id, {
            clientId,
            interventionId: uuidv7(),
            ...report,
          }),
        ]);
        return res.body.results[0];
      }),
    );
    expect(results.filter((r) => r?.status === 'applied')).toHaveLength(1);
    expect(results.filter((r) => r?.status === 'rejected')).toEqual([
      expect.objectContaining({ reason: 'invalid' }),
      expect.objectContaining({ reason: 'invalid' }),
    ]);
    expect(
      await count(
        server.db,
        "SELECT count(*)::int AS n FROM records WHERE entity = 'reports' AND data #>> '{content,number}' = 'BI-2026-AA-0500'",
      ),
    ).toBe(1);
  });
});
