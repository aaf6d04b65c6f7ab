import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { buildApp } from '../../server/app';
import { createAccount } from '../../server/auth/accounts';
import type { Database, Queryable } from '../../server/db/database';
import type { Mutation } from '../../shared/sync/mutation';
import { SYNC_LIMITS } from '../../shared/sync/protocol';
import type { Backend, TestServer } from './helpers';
import {
  ApiClient,
  BACKENDS,
  PASSWORD,
  TestDevice,
  count,
  createClient,
  login,
  openTestDatabase,
  siteData,
  startTestServer,
  stopPostgres,
  visitData,
} from './helpers';

/** 'café 😀' cut in the middle of the emoji: ends with a lone high surrogate. */
const LONE_SURROGATE = 'café 😀'.slice(0, 6);

/** A push body whose first mutation's `x` field is `depth` nested arrays (built as text). */
function deeplyNested(device: TestDevice, clientId: string, depth: number): string {
  const m = device.upsert('interventions', uuidv7(), visitData(clientId, { x: '__X__' }));
  return JSON.stringify({ deviceId: device.deviceId, sentAt: Date.now(), mutations: [m] }).replace(
    '"__X__"',
    '['.repeat(depth) + ']'.repeat(depth),
  );
}

/**
 * Input the database cannot store is a permanent refusal of that one mutation, never a 503 of
 * the batch: a 503 makes the laptop re-send the same batch forever, and nothing after it
 * (nor its pulls) ever goes through.
 */
describe.each(BACKENDS)('unstorable input on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  const lastMutationId = (deviceId: string) =>
    count(server.db, 'SELECT last_mutation_id AS n FROM devices WHERE device_id = $1', [deviceId]);

  it('rejects a lone UTF-16 surrogate in a value or a key as invalid and applies the rest', async () => {
    const clientId = await createClient(server);
    const device = new TestDevice(server.office.api);
    const ids = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    const batch = [
      device.upsert('interventions', ids[0]!, visitData(clientId, { title: 'avant' })),
      device.upsert('interventions', ids[1]!, visitData(clientId, { title: LONE_SURROGATE })),
      device.upsert('interventions', ids[2]!, visitData(clientId, { [`clé${LONE_SURROGATE}`]: 1 })),
      device.upsert(
        'interventions',
        ids[3]!,
        visitData(clientId, { title: 'après', nested: [{ a: '😀' }] }),
      ),
    ];
    const res = await device.push(batch);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
      'applied',
      'invalid',
      'invalid',
      'applied',
    ]);
    expect(res.body.results[1]).toMatchObject({ message: expect.stringMatching(/Unicode/) });
    expect(res.body.lastMutationId).toBe(4);
    expect(await lastMutationId(device.deviceId)).toBe(4);
    expect(
      await count(server.db, 'SELECT count(*) AS n FROM records WHERE id = ANY($1::uuid[])', [ids]),
    ).toBe(2);

    // Re-sent (the reply was lost): answered from the record, never re-applied.
    const again = await device.push(batch);
    expect(again.status).toBe(200);
    expect(again.body.results[1]).toMatchObject({ status: 'alreadyApplied', original: 'rejected' });
    const pulled = await server.office.api.pullAll(device.deviceId);
    expect(pulled.last.lastAppliedMutationId).toBe(4);
  });

  it('rejects a lone surrogate in an edit of an existing record and in an edit of a deleted one', async () => {
    const clientId = await createClient(server);
    const device = new TestDevice(server.office.api);
    const live = uuidv7();
    const gone = uuidv7();
    await device.push([
      device.upsert('sites', live, siteData(clientId)),
      device.upsert('sites', gone, siteData(clientId)),
    ]);
    await device.push([device.delete('sites', gone, 1)]);
    // The edit of the deleted record would be kept whole in a conflict record: refused first.
    const res = await device.push([
      device.upsert('sites', live, { accessNotes: LONE_SURROGATE }, 1),
      device.upsert('sites', gone, { accessNotes: `x${LONE_SURROGATE}` }, 1),
      device.upsert('sites', live, { city: 'Lyon' }, 1),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
      'invalid',
      'invalid',
      'applied',
    ]);
    expect(
      await count(server.db, "SELECT count(*) AS n FROM records WHERE entity = 'syncConflicts'"),
    ).toBe(0);
  });

  it('rejects data nested deeper than the limit, however deep, and accepts it up to the limit', async () => {
    const clientId = await createClient(server);
    const api = server.office.api;
    for (const depth of [200_000, SYNC_LIMITS.maxDataDepth]) {
      const device = new TestDevice(api);
      const res = await api.request<{ results: { status: string; reason?: string }[] }>(
        'POST',
        '/api/v1/sync/push',
        deeplyNested(device, clientId, depth),
      );
      expect(res.status, `depth ${depth}`).toBe(200);
      expect(res.body.results[0], `depth ${depth}`).toMatchObject({
        status: 'rejected',
        reason: 'invalid',
        message: expect.stringMatching(/imbriqué/),
      });
      expect(await lastMutationId(device.deviceId)).toBe(1);
    }
    // The record is one level, its field's arrays the others.
    const ok = new TestDevice(api);
    const res = await api.request<{ results: { status: string }[] }>(
      'POST',
      '/api/v1/sync/push',
      deeplyNested(ok, clientId, SYNC_LIMITS.maxDataDepth - 1),
    );
    expect(res.body.results[0]).toMatchObject({ status: 'applied' });
  });
});

/**
 * A database that raises a real data exception (SQLSTATE 22P02, the transaction aborted by
 * the database itself) when a record whose id or entity is in `poisoned` is written, as PostgreSQL does
 * for a value it cannot store that no check before it caught; or a temporary error.
 */
function faulty(
  db: Database,
  fault: { poisoned: ReadonlySet<string> } | { code: string; times: number },
): Database {
  const wrap = (q: Queryable): Queryable => ({
    query(sql, params) {
      const writesRecord = sql.includes('INSERT INTO records') || sql.includes('UPDATE records');
      const target = [String(params?.[0]), String(params?.[1])];
      if (writesRecord && 'poisoned' in fault && target.some((t) => fault.poisoned.has(t))) {
        return q.query("SELECT 'pas un nombre'::int");
      }
      if (writesRecord && 'code' in fault && fault.times > 0) {
        fault.times--;
        return Promise.reject(Object.assign(new Error('temporary'), { code: fault.code }));
      }
      return q.query(sql, params);
    },
  });
  return {
    ...db,
    query: db.query,
    transaction: (work, isolation) => db.transaction((tx) => work(wrap(tx)), isolation),
  };
}

describe.each(BACKENDS)('database refusals in the middle of a batch on %s', (backend: Backend) => {
  let db: Database;
  let close: () => Promise<void> = async () => undefined;
  const poisoned = new Set<string>();
  const fault: { code: string; times: number } = { code: '', times: 0 };

  const serve = async (underlying: Database): Promise<ApiClient> => {
    const app = await buildApp({ db: underlying });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const previous = close;
    close = async () => {
      await app.close();
      await previous();
    };
    return new ApiClient(url, await login(url, 'bureau@example.fr', PASSWORD));
  };

  let poisonApi: ApiClient;
  beforeAll(async () => {
    db = (await openTestDatabase(backend)).db;
    await createAccount(
      db,
      { email: 'bureau@example.fr', name: 'Bureau', role: 'office', password: PASSWORD },
      Date.now(),
    );
    poisonApi = await serve(faulty(db, { poisoned }));
    close = ((previous) => async () => {
      await previous();
      await db.close();
    })(close);
  });
  afterAll(async () => {
    await close();
    if (backend === 'postgres') await stopPostgres();
  });

  const statuses = (results: { status: string; reason?: string }[]) =>
    results.map((r) => (r.status === 'rejected' ? r.reason : r.status));

  it('turns a data exception of one mutation into its rejection, keeping the others', async () => {
    const device = new TestDevice(poisonApi);
    const clientId = uuidv7();
    const site = uuidv7();
    const bad1 = uuidv7();
    const bad2 = uuidv7();
    poisoned.add(bad1).add(bad2);
    const batch: Mutation[] = [
      device.upsert('clients', clientId, { name: 'ALLANCE SAS' }),
      device.upsert('sites', bad1, siteData(clientId)),
      device.upsert('sites', site, siteData(clientId)),
      device.upsert('sites', bad2, siteData(clientId)),
      device.upsert('sites', site, { city: 'Lyon' }, 1),
    ];
    const res = await device.push(batch);
    expect(res.status).toBe(200);
    expect(statuses(res.body.results)).toEqual([
      'applied',
      'invalid',
      'applied',
      'invalid',
      'applied',
    ]);
    expect(res.body.results[1]).toMatchObject({ message: expect.stringMatching(/refus/) });
    expect(res.body.results[4]).toMatchObject({ revision: 2 });
    expect(
      await count(db, 'SELECT count(*) AS n FROM records WHERE id = ANY($1::uuid[])', [
        [bad1, bad2],
      ]),
    ).toBe(0);
    expect(
      await count(db, 'SELECT last_mutation_id AS n FROM devices WHERE device_id = $1', [
        device.deviceId,
      ]),
    ).toBe(5);
    const pulled = await poisonApi.pullAll(device.deviceId);
    expect(pulled.records.find((r) => r.recordId === site)).toMatchObject({
      revision: 2,
      data: { city: 'Lyon' },
    });
  });

  it('forgets the effects of a refused mutation on a record it had already changed', async () => {
    const device = new TestDevice(poisonApi);
    const clientId = uuidv7();
    const site = uuidv7();
    await device.push([
      device.upsert('clients', clientId, { name: 'ALLANCE SAS' }),
      device.upsert('sites', site, siteData(clientId)),
    ]);
    const other = new TestDevice(poisonApi);
    await other.push([other.upsert('sites', site, { city: 'Lille' }, 1)]);
    // A stale edit: `accessNotes` is written to the record, then writing the conflict on `city`
    // fails; the next mutation of the batch must see the record as it was before.
    poisoned.add('syncConflicts');
    const res = await device.push([
      device.upsert('sites', site, { city: 'Nice', accessNotes: 'perdu' }, 1),
      device.upsert('sites', site, { postcode: '06000' }, 2),
    ]);
    poisoned.delete('syncConflicts');
    expect(statuses(res.body.results)).toEqual(['invalid', 'applied']);
    expect(res.body.results[1]).toMatchObject({ revision: 3 });
    const pulled = await poisonApi.pullAll(device.deviceId);
    const record = pulled.records.find((r) => r.recordId === site);
    expect(record).toMatchObject({ revision: 3, data: { city: 'Lille', postcode: '06000' } });
    expect(record?.data).not.toHaveProperty('accessNotes');
  });

  for (const code of ['40001', '40P01', '08006']) {
    it(`still aborts the whole batch on a temporary error (${code}), storing nothing`, async () => {
      const flaky = await serve(faulty(db, fault));
      const before = await count(db, 'SELECT count(*) AS n FROM records');
      const device = new TestDevice(flaky);
      const clientId = uuidv7();
      const batch = [
        device.upsert('clients', clientId, { name: 'ALLANCE SAS' }),
        device.upsert('sites', uuidv7(), siteData(clientId)),
      ];
      Object.assign(fault, { code, times: 2 });
      const failed = await device.push(batch);
      expect(failed.status).toBe(503);
      expect(failed.body).toMatchObject({ error: 'unavailable' });
      expect(await count(db, 'SELECT count(*) AS n FROM records')).toBe(before);
      expect(
        await count(db, 'SELECT count(*) AS n FROM devices WHERE device_id = $1', [
          device.deviceId,
        ]),
      ).toBe(0);
      Object.assign(fault, { times: 0 });
      const retried = await device.push(batch);
      expect(statuses(retried.body.results)).toEqual(['applied', 'applied']);
    });
  }
});
