import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { TestServer } from '../helpers';
import {
  BACKENDS,
  TestDevice,
  count,
  createClient,
  siteData,
  startTestServer,
  stopPostgres,
} from '../helpers';
import { plain, sealedReport } from '../report-fixture';

describe.each(BACKENDS)('one mutation the server cannot store, on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  it('rejects a sealed report holding 1e400 (Infinity once parsed) alone, and applies the rest', async () => {
    const clientId = await createClient(server);
    const device = new TestDevice(server.office.api);
    const reportId = uuidv7();
    const siteId = uuidv7();
    const report = { clientId, interventionId: uuidv7(), ...plain(await sealedReport(reportId)) };
    const batch = [
      device.upsert('reports', reportId, {
        ...report,
        content: { ...report.content, km: '__N__' },
      }),
      device.upsert('sites', siteId, siteData(clientId)),
    ];
    const body = JSON.stringify({
      deviceId: device.deviceId,
      sentAt: Date.now(),
      mutations: batch,
    });
    const res = await server.office.api.request<{ results: { status: string; reason?: string }[] }>(
      'POST',
      '/api/v1/sync/push',
      body.replace('"__N__"', '1e400'),
    );
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => r.status)).toEqual(['rejected', 'applied']);
    expect(res.body.results[0]).toMatchObject({ reason: 'invalid' });
    expect(
      await count(server.db, 'SELECT count(*)::int AS n FROM records WHERE id = $1', [reportId]),
    ).toBe(0);
    expect(
      await count(server.db, 'SELECT count(*)::int AS n FROM records WHERE id = $1', [siteId]),
    ).toBe(1);
  });
});
