import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { SYNC_LIMITS } from '../../../shared/sync/protocol';
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

describe.each(BACKENDS)('conflict records and the record size limit on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  it('refuses an edit of a deleted record whose conflict would pass 256 KiB, and records a small one', async () => {
    const clientId = await createClient(server);
    const office = new TestDevice(server.office.api);
    const [bigId, smallId] = [uuidv7(), uuidv7()];
    await office.push([
      office.upsert('sites', bigId, siteData(clientId)),
      office.upsert('sites', smallId, siteData(clientId)),
    ]);
    await office.push([office.delete('sites', bigId, 1), office.delete('sites', smallId, 1)]);

    const late = new TestDevice(server.office.api);
    const res = await late.push([
      late.upsert('sites', bigId, { notes: 'x'.repeat(300 * 1024) }, 1),
      late.upsert('sites', smallId, { notes: 'Accès par le quai' }, 1),
    ]);
    expect(res.body.results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
      'invalid',
      'conflict',
    ]);
    expect(
      await count(
        server.db,
        "SELECT count(*)::int AS n FROM records WHERE entity = 'syncConflicts' AND octet_length(data::text) > $1",
        [SYNC_LIMITS.maxRecordBytes],
      ),
    ).toBe(0);
  });
});
