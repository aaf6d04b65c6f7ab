import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { SYNC_LIMITS } from '../../shared/sync/protocol';
import type { TestServer } from './helpers';
import {
  ApiClient,
  BACKENDS,
  PASSWORD,
  TestDevice,
  VERSION_HEADERS,
  count,
  createClient,
  login,
  siteData,
  startTestServer,
  stopPostgres,
} from './helpers';

/** Every refusal comes with the right status, and nothing is stored. */
describe.each(BACKENDS)('security on %s', (backend) => {
  let server: TestServer;
  let clock = Date.now();
  const DAY = 24 * 60 * 60 * 1000;
  const storedCounts = async () => ({
    records: await count(server.db, 'SELECT count(*) AS n FROM records'),
    results: await count(server.db, 'SELECT count(*) AS n FROM mutation_results'),
    devices: await count(server.db, 'SELECT count(*) AS n FROM devices'),
    accounts: await count(server.db, 'SELECT count(*) AS n FROM accounts'),
    blobs: await count(server.db, 'SELECT count(*) AS n FROM blobs'),
  });

  beforeAll(async () => {
    server = await startTestServer(backend, { now: () => clock, tokenTtlMs: 7 * DAY });
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  const pushBody = (clientId: string) => ({
    deviceId: uuidv7(),
    sentAt: Date.now(),
    mutations: [
      {
        mutationId: 1,
        entity: 'sites',
        recordId: uuidv7(),
        op: 'upsert',
        baseRevision: null,
        changes: siteData(clientId),
        at: Date.now(),
      },
    ],
  });

  it('refuses every protected route without a token, with 401', async () => {
    const clientId = await createClient(server);
    const before = await storedCounts();
    const anonymous = new ApiClient(server.url, null);
    const hash = 'a'.repeat(64);
    const routes: [string, string, unknown?][] = [
      ['POST', '/api/v1/sync/push', pushBody(clientId)],
      ['GET', `/api/v1/sync/pull?deviceId=${uuidv7()}`],
      ['GET', `/api/v1/blobs/${hash}`],
      ['GET', '/api/v1/admin/accounts'],
      [
        'POST',
        '/api/v1/admin/accounts',
        { email: 'x@example.fr', name: 'X', role: 'office', password: 'a very long password' },
      ],
      ['POST', '/api/v1/auth/logout'],
    ];
    for (const [method, path, body] of routes) {
      const res = await anonymous.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body).toMatchObject({ error: 'unauthorized' });
    }
    const forged = new ApiClient(server.url, 'A'.repeat(43));
    expect((await forged.push(uuidv7(), [])).status).toBe(401);
    expect(await storedCounts()).toEqual(before);
  });

  it('refuses an expired token and a revoked one', async () => {
    const clientId = await createClient(server);
    const tech = await server.addAccount('technician');
    await server.assign(tech, clientId);
    const device = new TestDevice(tech.api);
    expect((await device.push([device.upsert('sites', uuidv7(), siteData(clientId))])).status).toBe(
      200,
    );

    clock += 8 * DAY;
    try {
      const expired = await tech.api.pull(device.deviceId);
      expect(expired.status).toBe(401);
    } finally {
      clock -= 8 * DAY;
    }

    const second = new ApiClient(server.url, await login(server.url, tech.email, PASSWORD));
    expect((await second.request('POST', '/api/v1/auth/logout')).status).toBe(204);
    expect((await second.pull(device.deviceId)).status).toBe(401);
    // The office revokes every session of the account.
    const revoked = await server.office.api.request<{ revoked: number }>(
      'POST',
      '/api/v1/admin/tokens/revoke',
      { accountId: tech.id },
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked).toBeGreaterThanOrEqual(1);
    const before = await storedCounts();
    const res = await device.push([device.upsert('sites', uuidv7(), siteData(clientId))]);
    expect(res.status).toBe(401);
    expect(await storedCounts()).toEqual(before);
  });

  it('disables a departed technician: sessions end and logging in again is refused', async () => {
    const clientId = await createClient(server);
    const tech = await server.addAccount('technician');
    await server.assign(tech, clientId);
    const device = new TestDevice(tech.api);
    const disable = (id: string, api = server.office.api) =>
      api.request<{ disabled: boolean; revoked: number }>(
        'POST',
        `/api/v1/admin/accounts/${id}/disable`,
      );
    // Only the office, never one's own account, only a real account.
    expect((await disable(tech.id, server.tech1.api)).status).toBe(403);
    expect((await disable(server.office.id)).status).toBe(409);
    expect((await disable(uuidv7())).status).toBe(404);
    expect((await disable('pas-un-uuid')).status).toBe(400);

    const res = await disable(tech.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ disabled: true });
    expect(res.body.revoked).toBeGreaterThanOrEqual(1);
    const before = await storedCounts();
    expect((await device.push([device.upsert('sites', uuidv7(), siteData(clientId))])).status).toBe(
      401,
    );
    await expect(login(server.url, tech.email, PASSWORD)).rejects.toThrow('login failed: 401');
    expect(await storedCounts()).toEqual(before);

    const enable = await server.office.api.request(
      'POST',
      `/api/v1/admin/accounts/${tech.id}/enable`,
    );
    expect(enable.status).toBe(200);
    const again = new ApiClient(server.url, await login(server.url, tech.email, PASSWORD));
    expect((await again.pull(device.deviceId)).status).toBe(200);
  });

  it('refuses office routes to a technician with 403', async () => {
    const before = await storedCounts();
    const api = server.tech1.api;
    expect((await api.request('GET', '/api/v1/admin/accounts')).status).toBe(403);
    const create = await api.request('POST', '/api/v1/admin/accounts', {
      email: 'pirate@example.fr',
      name: 'Pirate',
      role: 'office',
      password: 'a very long password',
    });
    expect(create.status).toBe(403);
    expect(
      (
        await api.request('POST', '/api/v1/admin/assignments', {
          accountId: server.tech1.id,
          clientId: uuidv7(),
        })
      ).status,
    ).toBe(403);
    expect(await storedCounts()).toEqual(before);
  });

  it('keeps another technician’s data out of reach, reading and writing', async () => {
    const theirs = await createClient(server, 'Client de Marie');
    await server.assign(server.tech2, theirs);
    const theirDevice = new TestDevice(server.tech2.api);
    const siteId = uuidv7();
    await theirDevice.push([theirDevice.upsert('sites', siteId, siteData(theirs))]);

    const mine = new TestDevice(server.tech1.api);
    const pulled = await server.tech1.api.pullAll(mine.deviceId);
    expect(pulled.records.some((r) => r.clientId === theirs)).toBe(false);

    const attack = await mine.push([
      mine.upsert('sites', siteId, { city: 'Volé' }, 1),
      mine.delete('sites', siteId, 1),
      mine.upsert('sites', uuidv7(), siteData(theirs)),
    ]);
    expect(attack.body.results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual(
      ['forbidden', 'forbidden', 'forbidden'],
    );
    const site = (
      await server.db.query<{ revision: number; deleted: boolean }>(
        'SELECT revision, deleted FROM records WHERE id = $1',
        [siteId],
      )
    ).rows[0];
    expect(site).toEqual({ revision: 1, deleted: false });

    // Their device id cannot be borrowed either, to push or to read their progress.
    expect(
      (
        await server.tech1.api.push(theirDevice.deviceId, [
          mine.upsert('sites', uuidv7(), siteData(theirs)),
        ])
      ).status,
    ).toBe(403);
    expect((await server.tech1.api.pull(theirDevice.deviceId)).status).toBe(403);
  });

  it('refuses an oversized body with 413 and malformed input with 400, storing nothing', async () => {
    const clientId = await createClient(server);
    const before = await storedCounts();
    const api = server.office.api;
    const huge = pushBody(clientId);
    huge.mutations[0]!.changes = {
      ...siteData(clientId),
      accessNotes: 'x'.repeat(SYNC_LIMITS.maxPushBytes),
    };
    expect((await api.request('POST', '/api/v1/sync/push', huge)).status).toBe(413);
    expect(
      (await api.request('POST', '/api/v1/sync/push', '{"deviceId": "x", "mutations": [')).status,
    ).toBe(400);
    expect(
      (await api.request('POST', '/api/v1/sync/push', '{"__proto__": {"polluted": true}}')).status,
    ).toBe(400);
    const bad = await api.request('POST', '/api/v1/sync/push', {
      ...pushBody(clientId),
      deviceId: 'not-a-uuid',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'bad_request', issues: [{ path: 'deviceId' }] });
    const tooMany = pushBody(clientId);
    tooMany.mutations = Array.from({ length: SYNC_LIMITS.maxMutationsPerPush + 1 }, (_, i) => ({
      ...tooMany.mutations[0]!,
      mutationId: i + 1,
    }));
    expect((await api.request('POST', '/api/v1/sync/push', tooMany)).status).toBe(400);
    const unordered = pushBody(clientId);
    unordered.mutations = [
      { ...unordered.mutations[0]!, mutationId: 2 },
      { ...unordered.mutations[0]!, mutationId: 1 },
    ];
    expect((await api.request('POST', '/api/v1/sync/push', unordered)).status).toBe(400);
    const unknownEntity = pushBody(clientId);
    (unknownEntity.mutations[0] as { entity: string }).entity = 'accounts';
    expect((await api.request('POST', '/api/v1/sync/push', unknownEntity)).status).toBe(400);
    expect((await api.request('GET', '/api/v1/sync/pull?deviceId=x&cursor=1;DROP')).status).toBe(
      400,
    );
    expect(
      (await api.request('GET', `/api/v1/sync/pull?deviceId=${uuidv7()}&limit=100000`)).status,
    ).toBe(400);
    const record = pushBody(clientId);
    record.mutations[0]!.changes = {
      ...siteData(clientId),
      notes: 'y'.repeat(SYNC_LIMITS.maxRecordBytes),
    };
    // Under the body limit but over the record limit: a permanent rejection, nothing stored.
    const tooBig = await api.request<{ results: { status: string; reason?: string }[] }>(
      'POST',
      '/api/v1/sync/push',
      record,
    );
    expect(tooBig.body.results[0]).toMatchObject({ status: 'rejected', reason: 'invalid' });
    const after = await storedCounts();
    expect({ ...after, results: before.results, devices: before.devices }).toEqual(before);
    expect(after.records).toBe(before.records);
  });

  it('stores SQL-injection strings as inert text in every field, and refuses them where a format is due', async () => {
    const injections = [
      "'; DROP TABLE records; --",
      '" OR 1=1 --',
      "'); DELETE FROM accounts; --",
      '$1::xid8); --',
      '\\x00 \\\\',
    ];
    const clientId = await createClient(server);
    const device = new TestDevice(server.office.api);
    const before = await storedCounts();
    for (const evil of injections) {
      // Free-text fields: stored verbatim, harmless.
      const siteId = uuidv7();
      const res = await device.push([
        device.upsert('sites', siteId, {
          ...siteData(clientId),
          name: evil,
          accessNotes: evil,
          [evil]: evil,
        }),
      ]);
      expect(res.status).toBe(200);
      const stored = (
        await server.db.query<{ data: Record<string, unknown> }>(
          'SELECT data FROM records WHERE id = $1',
          [siteId],
        )
      ).rows[0]!;
      expect(stored.data['name']).toBe(evil);
      expect(stored.data[evil]).toBe(evil);
      // Fields with a format: refused with 400 (envelope) or rejected (data), never executed.
      const envelope = await server.office.api.request('POST', '/api/v1/sync/push', {
        deviceId: evil,
        sentAt: Date.now(),
        mutations: [
          {
            mutationId: 1,
            entity: evil,
            recordId: evil,
            op: evil,
            baseRevision: evil,
            changes: {},
            at: evil,
          },
        ],
      });
      expect(envelope.status).toBe(400);
      expect(
        (
          await server.office.api.request(
            'GET',
            `/api/v1/sync/pull?deviceId=${encodeURIComponent(evil)}&cursor=${encodeURIComponent(evil)}`,
          )
        ).status,
      ).toBe(400);
      expect(
        (await server.office.api.request('GET', `/api/v1/blobs/${encodeURIComponent(evil)}`))
          .status,
      ).toBe(400);
      const loginRes = await new ApiClient(server.url, null).request('POST', '/api/v1/auth/login', {
        email: evil,
        password: evil,
      });
      expect(loginRes.status).toBe(400);
      const loginAsKnown = await new ApiClient(server.url, null).request(
        'POST',
        '/api/v1/auth/login',
        { email: server.office.email, password: evil },
      );
      expect(loginAsKnown.status).toBe(401);
      const account = await server.office.api.request('POST', '/api/v1/admin/accounts', {
        email: evil,
        name: evil,
        role: evil,
        password: evil,
      });
      expect(account.status).toBe(400);
      const assign = await server.office.api.request('POST', '/api/v1/admin/assignments', {
        accountId: evil,
        clientId: evil,
      });
      expect(assign.status).toBe(400);
    }
    // A NUL character cannot be stored by PostgreSQL: a permanent rejection, not a retry loop.
    const nul = await device.push([
      device.upsert('sites', uuidv7(), { ...siteData(clientId), name: 'a\u0000b' }),
    ]);
    expect(nul.body.results[0]).toMatchObject({ status: 'rejected', reason: 'invalid' });
    const after = await storedCounts();
    expect(after.accounts).toBe(before.accounts);
    expect(after.records).toBe(before.records + injections.length);
    expect(
      await count(
        server.db,
        "SELECT count(*) AS n FROM information_schema.tables WHERE table_name IN ('records', 'accounts')",
      ),
    ).toBe(2);
  });

  it('rate-limits login attempts', async () => {
    const limited = await startTestServer(backend, { loginRatePerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${limited.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...VERSION_HEADERS },
          body: JSON.stringify({ email: limited.office.email, password: 'wrong password' }),
        });
        statuses.push(res.status);
      }
      // startTestServer logged in three accounts already: every further attempt is refused.
      expect(statuses).toEqual([429, 429, 429, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
