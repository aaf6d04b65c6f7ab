import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { TestServer } from '../helpers';
import {
  BACKENDS,
  TestDevice,
  clientData,
  count,
  createClient,
  siteData,
  startTestServer,
  visitData,
  stopPostgres,
} from '../helpers';
import { plain, sealedReport } from '../report-fixture';

/** The office merges a client created on site into the existing one: nothing is lost. */
describe.each(BACKENDS)('client merge on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  it('moves sites, equipment, visits and sealed reports to the target, on the server and to the technician', async () => {
    const targetId = await createClient(server, 'ALLANCE SAS');
    const tech = await server.addAccount('technician', 'Léa Terrain');
    const device = new TestDevice(tech.api);
    const sourceId = uuidv7();
    const siteId = uuidv7();
    const equipmentId = uuidv7();
    const visitId = uuidv7();
    const reportId = uuidv7();
    const sealed = plain(await sealedReport(reportId));
    const pushed = await device.push([
      device.upsert('clients', sourceId, { ...clientData('Allance S.A.S.'), siret: '' }),
      device.upsert('sites', siteId, siteData(sourceId)),
      device.upsert('equipment', equipmentId, {
        clientId: sourceId,
        siteId,
        category: 'server',
        name: 'SRV-01',
      }),
      device.upsert('interventions', visitId, visitData(sourceId, { siteId })),
      device.upsert('reports', reportId, {
        clientId: sourceId,
        interventionId: uuidv7(),
        ...sealed,
      }),
    ]);
    const statuses = pushed.body.results.map((r) =>
      r.status === 'rejected' ? `${r.reason}: ${r.message}` : r.status,
    );
    // Equipment's schema may refuse this minimal record: count only what was applied.
    const applied = pushed.body.results.filter((r) => r.status === 'applied').length;
    expect(statuses.filter((s) => s !== 'applied' && !s.startsWith('invalid'))).toEqual([]);
    const first = await tech.api.pullAll(device.deviceId);

    const queue = await server.office.api.request<{
      clients: { clientId: string; duplicates: { clientId: string }[]; records: number }[];
    }>('GET', '/api/v1/admin/field-clients');
    const entry = queue.body.clients.find((c) => c.clientId === sourceId);
    expect(entry?.duplicates.map((d) => d.clientId)).toEqual([targetId]);
    expect(entry?.records).toBe(applied - 1);

    const merge = await server.office.api.request('POST', '/api/v1/admin/clients/merge', {
      sourceClientId: sourceId,
      targetClientId: targetId,
    });
    expect(merge.status).toBe(200);
    expect(merge.body).toEqual({ moved: applied - 2, sealedMoved: 1, reassigned: 1 });
    expect(
      await count(server.db, 'SELECT count(*) AS n FROM records WHERE client_id = $1', [sourceId]),
    ).toBe(1); // the source's own tombstone
    expect(
      await count(
        server.db,
        `SELECT count(*) AS n FROM records WHERE client_id::text = $1 AND entity <> 'clients' AND data->>'clientId' = $1`,
        [targetId],
      ),
    ).toBe(applied - 1);
    expect(
      await count(
        server.db,
        'SELECT count(*) AS n FROM records WHERE id = $1 AND sealed AND seal_hash = $2 AND revision = 1',
        [reportId, sealed.seal.hash],
      ),
    ).toBe(1);

    // The technician now has the target instead of the source (the laptop drops the source by
    // scope) and receives every moved record under it.
    const next = await tech.api.pullAll(device.deviceId, first.last.cursor);
    expect(next.last.scopeClientIds).toEqual([targetId]);
    expect(next.records.find((r) => r.recordId === targetId)).toMatchObject({ deleted: false });
    for (const id of [siteId, visitId, reportId]) {
      expect(
        next.records.find((r) => r.recordId === id),
        id,
      ).toMatchObject({
        clientId: targetId,
        data: { clientId: targetId },
      });
    }
    // A laptop that has not pulled the merge yet files a new site under the merged client:
    // it lands under the surviving one.
    const lateSiteId = uuidv7();
    const late = await device.push([device.upsert('sites', lateSiteId, siteData(sourceId))]);
    expect(late.body.results[0]).toMatchObject({ status: 'applied' });
    expect(
      await count(
        server.db,
        `SELECT count(*) AS n FROM records WHERE id = $1 AND client_id::text = $2 AND data->>'clientId' = $2`,
        [lateSiteId, targetId],
      ),
    ).toBe(1);

    // Outside a merge the database still refuses to move a sealed report.
    await expect(
      server.db.query('UPDATE records SET client_id = $2 WHERE id = $1', [reportId, sourceId]),
    ).rejects.toThrow(/sealed/);
  });

  it('refuses a merge of unknown clients or by a technician', async () => {
    const targetId = await createClient(server, 'Cible');
    const unknown = await server.office.api.request('POST', '/api/v1/admin/clients/merge', {
      sourceClientId: uuidv7(),
      targetClientId: targetId,
    });
    expect(unknown.status).toBe(404);
    const self = await server.office.api.request('POST', '/api/v1/admin/clients/merge', {
      sourceClientId: targetId,
      targetClientId: targetId,
    });
    expect(self.status).toBe(400);
    const tech = await server.tech1.api.request('POST', '/api/v1/admin/clients/merge', {
      sourceClientId: uuidv7(),
      targetClientId: targetId,
    });
    expect(tech.status).toBe(403);
  });
});
