import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/database';
import { migrate } from '../../server/db/migrations';
import { openPostgresDatabase } from '../../server/db/postgres-database';
import type { TestServer } from './helpers';
import {
  ApiClient,
  TestDevice,
  count,
  createClient,
  siteData,
  startTestServer,
  stopPostgres,
} from './helpers';

/** Two stateless instances on one PostgreSQL behave as one server. */
describe('several server instances on one PostgreSQL', () => {
  let first: TestServer;
  let secondDb: Database;
  let second: FastifyInstance;
  let secondUrl: string;

  beforeAll(async () => {
    first = await startTestServer('postgres');
    secondDb = openPostgresDatabase(first.databaseUrl!);
    expect(await migrate(secondDb)).toEqual([]);
    second = await buildApp({ db: secondDb });
    await second.listen({ port: 0, host: '127.0.0.1' });
    const address = second.server.address();
    secondUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await second?.close();
    await secondDb?.close();
    await first?.close();
    await stopPostgres();
  });

  it('accepts a token from either, and applies a batch sent to both at once exactly once', async () => {
    const clientId = await createClient(first);
    const viaFirst = first.office.api;
    const viaSecond = new ApiClient(secondUrl, first.office.token);
    const device = new TestDevice(viaFirst);
    const batch = Array.from({ length: 300 }, () =>
      device.upsert('sites', uuidv7(), siteData(clientId)),
    );
    const [a, b] = await Promise.all([
      viaFirst.push(device.deviceId, batch),
      viaSecond.push(device.deviceId, batch),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const applied = [...a.body.results, ...b.body.results].filter((r) => r.status === 'applied');
    expect(applied).toHaveLength(300);
    expect(
      await count(
        first.db,
        'SELECT count(*) AS n FROM records WHERE client_id = $1 AND entity = $2',
        [clientId, 'sites'],
      ),
    ).toBe(300);
    expect(
      await count(first.db, 'SELECT count(*) AS n FROM mutation_results WHERE device_id = $1', [
        device.deviceId,
      ]),
    ).toBe(300);

    const pulled = await viaSecond.pullAll(device.deviceId);
    expect(pulled.last.lastAppliedMutationId).toBe(300);
    expect(
      pulled.records.filter((r) => r.clientId === clientId && r.entity === 'sites'),
    ).toHaveLength(300);
  });
});
