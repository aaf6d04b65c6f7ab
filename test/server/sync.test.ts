import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { PulledRecord } from '../../shared/sync/protocol';
import { SYNC_LIMITS } from '../../shared/sync/protocol';
import { purgeTombstones } from '../../server/sync/tombstones';
import type { TestServer } from './helpers';
import {
  BACKENDS,
  TestDevice,
  clientData,
  count,
  createClient,
  siteData,
  startTestServer,
  stopPostgres,
} from './helpers';
import { draftReport, plain, sealedReport } from './report-fixture';

const byId = (records: PulledRecord[], id: string) => records.filter((r) => r.recordId === id);

describe.each(BACKENDS)('sync protocol on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  it('applies a batch in order and pulls it back with the last applied mutation id', async () => {
    const clientId = await createClient(server);
    await server.assign(server.tech1, clientId);
    const device = new TestDevice(server.tech1.api);
    const siteId = uuidv7();
    const res = await device.push([
      device.upsert('sites', siteId, siteData(clientId)),
      device.upsert('sites', siteId, { city: 'Lyon', postcode: '69001' }, 1),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { mutationId: 1, status: 'applied', revision: 1 },
      { mutationId: 2, status: 'applied', revision: 2 },
    ]);
    expect(res.body.lastMutationId).toBe(2);

    const { records, last } = await server.tech1.api.pullAll(device.deviceId);
    const site = byId(records, siteId);
    expect(site).toHaveLength(1);
    expect(site[0]).toMatchObject({
      revision: 2,
      deleted: false,
      clientId,
      data: { city: 'Lyon', name: 'Siège' },
    });
    expect(last.lastAppliedMutationId).toBe(2);
    expect(last.scopeClientIds).toEqual([clientId]);
  });

  it('confirms a mutation only on the page that completes its transaction', async () => {
    const clientId = await createClient(server);
    const tech = await server.addAccount('technician');
    await server.assign(tech, clientId);
    const device = new TestDevice(tech.api);
    const batch = [1, 2, 3].map(() => device.upsert('sites', uuidv7(), siteData(clientId)));
    expect((await device.push(batch)).body.lastMutationId).toBe(3);
    const seen: [number, boolean, number][] = [];
    let cursor = '0';
    for (;;) {
      const page = await tech.api.pull(device.deviceId, cursor, 1);
      seen.push([page.body.records.length, page.body.hasMore, page.body.lastAppliedMutationId]);
      cursor = page.body.cursor;
      if (!page.body.hasMore) break;
    }
    // The client record, then the three sites of one transaction: confirmed with the last.
    expect(seen).toEqual([
      [1, true, 0],
      [1, true, 0],
      [1, true, 0],
      [1, false, 3],
    ]);
  });

  it('applies a retried batch once when the response was lost after the commit', async () => {
    const clientId = await createClient(server);
    const device = new TestDevice(server.office.api);
    const batch = Array.from({ length: 50 }, () =>
      device.upsert('sites', uuidv7(), siteData(clientId)),
    );
    const first = await device.push(batch);
    expect(first.body.results.every((r) => r.status === 'applied')).toBe(true);
    // The reply never reached the laptop: it sends the same batch again.
    const retry = await device.push(batch);
    expect(retry.status).toBe(200);
    expect(retry.body.results.map((r) => r.status)).toEqual(Array(50).fill('alreadyApplied'));
    expect(
      await count(
        server.db,
        'SELECT count(*) AS n FROM records WHERE client_id = $1 AND entity = $2',
        [clientId, 'sites'],
      ),
    ).toBe(50);
    expect(
      await count(server.db, 'SELECT count(*) AS n FROM mutation_results WHERE device_id = $1', [
        device.deviceId,
      ]),
    ).toBe(50);
    expect(
      await count(
        server.db,
        'SELECT max(revision) AS n FROM records WHERE client_id = $1 AND entity = $2',
        [clientId, 'sites'],
      ),
    ).toBe(1);
  });

  it('applies the same batch sent twice concurrently exactly once', async () => {
    const clientId = await createClient(server);
    const device = new TestDevice(server.office.api);
    const siteId = uuidv7();
    const batch = [
      device.upsert('sites', siteId, siteData(clientId)),
      ...Array.from({ length: 99 }, (_, i) =>
        device.upsert('sites', siteId, { accessNotes: `note ${i}` }, i + 1),
      ),
    ];
    const [a, b] = await Promise.all([device.push(batch), device.push(batch)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const statuses = [...a.body.results, ...b.body.results].map((r) => r.status);
    expect(statuses.filter((s) => s === 'applied')).toHaveLength(100);
    expect(statuses.filter((s) => s === 'alreadyApplied')).toHaveLength(100);
    expect(
      await count(server.db, 'SELECT revision AS n FROM records WHERE id = $1', [siteId]),
    ).toBe(100);
    expect(
      await count(server.db, 'SELECT count(*) AS n FROM mutation_results WHERE device_id = $1', [
        device.deviceId,
      ]),
    ).toBe(100);
    const { records } = await server.office.api.pullAll(device.deviceId);
    expect(byId(records, siteId)[0]?.data).toMatchObject({ accessNotes: 'note 98' });
  });

  it('records a permanent refusal, advances past it and never blocks the outbox', async () => {
    const clientId = await createClient(server);
    const device = new TestDevice(server.office.api);
    const good1 = uuidv7();
    const bad = uuidv7();
    const good2 = uuidv7();
    const batch = [
      device.upsert('sites', good1, siteData(clientId)),
      device.upsert('sites', bad, { ...siteData(clientId), postcode: 'abc' }),
      device.upsert('sites', good2, siteData(clientId)),
    ];
    const res = await device.push(batch);
    expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(res.body.results[1]).toMatchObject({
      reason: 'invalid',
      message: expect.stringContaining('postcode'),
    });
    expect(res.body.lastMutationId).toBe(3);
    expect(await count(server.db, 'SELECT count(*) AS n FROM records WHERE id = $1', [bad])).toBe(
      0,
    );
    const again = await device.push(batch);
    expect(again.body.results[1]).toEqual({
      mutationId: 2,
      status: 'alreadyApplied',
      original: 'rejected',
    });
    expect(
      await count(
        server.db,
        "SELECT count(*) AS n FROM mutation_results WHERE device_id = $1 AND status = 'rejected'",
        [device.deviceId],
      ),
    ).toBe(1);
  });

  it('merges two devices editing the same record offline and keeps both sides of the overlap', async () => {
    const clientId = await createClient(server);
    await server.assign(server.tech1, clientId);
    await server.assign(server.tech2, clientId);
    const a = new TestDevice(server.tech1.api);
    const b = new TestDevice(server.tech2.api);
    const siteId = uuidv7();
    expect(
      (await a.push([a.upsert('sites', siteId, siteData(clientId))])).body.results[0]?.status,
    ).toBe('applied');
    // Both laptops have revision 1, then edit offline.
    const fromA = await a.push([
      a.upsert('sites', siteId, { city: 'Versailles', accessNotes: 'Badge à l’accueil' }, 1),
    ]);
    expect(fromA.body.results[0]).toEqual({ mutationId: 2, status: 'applied', revision: 2 });
    const fromB = await b.push([
      b.upsert('sites', siteId, { city: 'Nanterre', name: 'Siège social' }, 1),
    ]);
    const result = fromB.body.results[0]!;
    expect(result.status).toBe('conflict');
    if (result.status !== 'conflict') return;
    expect(result.revision).toBe(3);
    expect(result.fields).toEqual([
      { field: 'city', serverValue: 'Versailles', deviceValue: 'Nanterre' },
    ]);

    const { records } = await server.tech2.api.pullAll(b.deviceId);
    const site = byId(records, siteId)[0]!;
    expect(site.data).toMatchObject({
      city: 'Versailles',
      accessNotes: 'Badge à l’accueil',
      name: 'Siège social',
    });
    const conflict = byId(records, result.conflictId)[0]!;
    expect(conflict.entity).toBe('syncConflicts');
    expect(conflict.data).toMatchObject({
      entity: 'sites',
      recordId: siteId,
      kind: 'edit',
      resolved: false,
      fields: [{ field: 'city', serverValue: 'Versailles', deviceValue: 'Nanterre' }],
    });
    // Resolving: the user picks Nanterre, based on the current revision, and closes the conflict.
    const resolve = await b.push([
      b.upsert('sites', siteId, { city: 'Nanterre' }, 3),
      b.upsert('syncConflicts', result.conflictId, { resolved: true }, 1),
    ]);
    expect(resolve.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });

  it('never drops either side when a delete races an edit, in both orders', async () => {
    const clientId = await createClient(server);
    await server.assign(server.tech1, clientId);
    await server.assign(server.tech2, clientId);
    const a = new TestDevice(server.tech1.api);
    const b = new TestDevice(server.tech2.api);
    const first = uuidv7();
    const second = uuidv7();
    await a.push([
      a.upsert('sites', first, siteData(clientId)),
      a.upsert('sites', second, siteData(clientId)),
    ]);

    // Delete arrives first: the tombstone stays, the late edit is kept in a conflict.
    expect((await a.push([a.delete('sites', first, 1)])).body.results[0]).toMatchObject({
      status: 'applied',
      revision: 2,
    });
    const late = (await b.push([b.upsert('sites', first, { city: 'Créteil' }, 1)])).body
      .results[0]!;
    expect(late).toMatchObject({
      status: 'conflict',
      fields: [{ field: 'city', serverValue: null, deviceValue: 'Créteil' }],
    });

    // Edit arrives first: the record survives the stale delete, which becomes a conflict.
    expect(
      (await b.push([b.upsert('sites', second, { city: 'Bobigny' }, 1)])).body.results[0],
    ).toMatchObject({ status: 'applied' });
    const stale = (await a.push([a.delete('sites', second, 1)])).body.results[0]!;
    expect(stale).toMatchObject({
      status: 'conflict',
      fields: [{ field: 'city', serverValue: 'Bobigny', deviceValue: null }],
    });

    const { records } = await server.office.api.pullAll(uuidv7());
    expect(byId(records, first)[0]).toMatchObject({ deleted: true, data: null });
    expect(byId(records, second)[0]).toMatchObject({ deleted: false, data: { city: 'Bobigny' } });
    const conflicts = records.filter(
      (r) => r.entity === 'syncConflicts' && [first, second].includes(String(r.data?.['recordId'])),
    );
    expect(conflicts.map((c) => c.data?.['kind']).sort()).toEqual(['deleteVsEdit', 'editVsDelete']);
  });

  it('settles a delete and an edit sent at the same instant without losing either', async () => {
    const clientId = await createClient(server);
    await server.assign(server.tech1, clientId);
    await server.assign(server.tech2, clientId);
    const a = new TestDevice(server.tech1.api);
    const b = new TestDevice(server.tech2.api);
    const siteId = uuidv7();
    await a.push([a.upsert('sites', siteId, siteData(clientId))]);
    const [del, edit] = await Promise.all([
      a.push([a.delete('sites', siteId, 1)]),
      b.push([b.upsert('sites', siteId, { city: 'Meaux' }, 1)]),
    ]);
    const statuses = [del.body.results[0]!.status, edit.body.results[0]!.status].sort();
    expect(statuses).toEqual(['applied', 'conflict']);
    const record = (
      await server.db.query<{ deleted: boolean; data: Record<string, unknown> }>(
        'SELECT deleted, data FROM records WHERE id = $1',
        [siteId],
      )
    ).rows[0]!;
    const conflicts = await server.db.query<{ data: Record<string, unknown> }>(
      "SELECT data FROM records WHERE entity = 'syncConflicts' AND data->>'recordId' = $1",
      [siteId],
    );
    expect(conflicts.rows).toHaveLength(1);
    // Whichever came first, the edit's value lives either in the record or in the conflict.
    const editKept =
      (!record.deleted && record.data['city'] === 'Meaux') ||
      JSON.stringify(conflicts.rows[0]!.data).includes('Meaux');
    expect(editKept).toBe(true);
  });

  it('never lets two devices creating the same record at once overwrite each other', async () => {
    const clientId = await createClient(server);
    await server.assign(server.tech1, clientId);
    await server.assign(server.tech2, clientId);
    const a = new TestDevice(server.tech1.api);
    const b = new TestDevice(server.tech2.api);
    const siteId = uuidv7();
    const fromA = [a.upsert('sites', siteId, { ...siteData(clientId), name: 'Nom A' })];
    const fromB = [b.upsert('sites', siteId, { ...siteData(clientId), name: 'Nom B' })];
    let [resA, resB] = await Promise.all([a.push(fromA), b.push(fromB)]);
    // A concurrent creation may be refused as temporary (503): the laptop retries it.
    if (resA.status === 503) resA = await a.push(fromA);
    if (resB.status === 503) resB = await b.push(fromB);
    const statuses = [resA.body.results[0]!.status, resB.body.results[0]!.status].sort();
    expect(statuses).toEqual(['applied', 'conflict']);
    const stored = (
      await server.db.query<{ data: Record<string, unknown>; revision: number }>(
        'SELECT data, revision FROM records WHERE id = $1',
        [siteId],
      )
    ).rows;
    expect(stored).toHaveLength(1);
    const conflicts = (
      await server.db.query<{ data: { fields: { field: string; deviceValue: unknown }[] } }>(
        "SELECT data FROM records WHERE entity = 'syncConflicts' AND data->>'recordId' = $1",
        [siteId],
      )
    ).rows;
    expect(conflicts).toHaveLength(1);
    const loser = conflicts[0]!.data.fields.find((f) => f.field === 'name')?.deviceValue;
    expect([stored[0]!.data['name'], loser].sort()).toEqual(['Nom A', 'Nom B']);
  });

  it('takes 500 reports from a laptop offline for 30 days and hands it everything it missed', async () => {
    const clientId = await createClient(server);
    await server.assign(server.tech1, clientId);
    const laptop = new TestDevice(server.tech1.api);
    const initial = await server.tech1.api.pullAll(laptop.deviceId);
    const thirtyDaysAgo = Date.now() - 30 * 24 * 60 * 60 * 1000;

    // Meanwhile the office keeps working on that client.
    const office = new TestDevice(server.office.api);
    const officeSites = Array.from({ length: 300 }, () =>
      office.upsert('sites', uuidv7(), siteData(clientId)),
    );
    expect((await office.push(officeSites)).body.results.every((r) => r.status === 'applied')).toBe(
      true,
    );

    const reports = Array.from({ length: 500 }, (_, i) => {
      const id = uuidv7();
      return {
        ...laptop.upsert('reports', id, {
          clientId,
          interventionId: uuidv7(),
          ...plain(draftReport(id, i + 1)),
        }),
        at: thirtyDaysAgo + i * 60_000,
      };
    });
    const batches = [
      reports.slice(0, SYNC_LIMITS.maxMutationsPerPush),
      reports.slice(SYNC_LIMITS.maxMutationsPerPush),
    ].filter((b) => b.length > 0);
    for (const batch of batches) {
      const res = await laptop.push(batch);
      expect(res.status).toBe(200);
      expect(res.body.results.every((r) => r.status === 'applied')).toBe(true);
    }
    expect(
      await count(
        server.db,
        "SELECT count(*) AS n FROM records WHERE client_id = $1 AND entity = 'reports'",
        [clientId],
      ),
    ).toBe(500);

    const { records, last, pages } = await server.tech1.api.pullAll(
      laptop.deviceId,
      initial.last.cursor,
      200,
    );
    expect(pages).toBeGreaterThan(1);
    expect(last.lastAppliedMutationId).toBe(500);
    const ids = records.map((r) => r.recordId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(records.filter((r) => r.entity === 'reports')).toHaveLength(500);
    expect(records.filter((r) => r.entity === 'sites')).toHaveLength(300);
  });

  it('keeps a sealed report immutable, in the code and in the database, and accepts a new version', async () => {
    const clientId = await createClient(server);
    await server.assign(server.tech1, clientId);
    const device = new TestDevice(server.tech1.api);
    const reportId = uuidv7();
    const sealed = plain(await sealedReport(reportId));
    const created = await device.push([
      device.upsert('reports', reportId, { clientId, interventionId: uuidv7(), ...sealed }),
    ]);
    expect(created.body.results[0]).toMatchObject({ status: 'applied', revision: 1 });
    expect(
      await count(
        server.db,
        'SELECT count(*) AS n FROM records WHERE id = $1 AND sealed AND seal_hash = $2',
        [reportId, sealed.seal.hash],
      ),
    ).toBe(1);

    const edit = await device.push([
      device.upsert(
        'reports',
        reportId,
        { content: { ...sealed.content, clientRemarks: 'ajouté après' } },
        1,
      ),
      device.delete('reports', reportId, 1),
    ]);
    expect(edit.body.results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
      'sealed',
      'sealed',
    ]);
    expect(edit.body.lastMutationId).toBe(3);

    // The database refuses too, whatever the code does.
    await expect(
      server.db.query('UPDATE records SET data = data || \'{"x":1}\' WHERE id = $1', [reportId]),
    ).rejects.toMatchObject({ code: 'BR001' });
    await expect(
      server.db.query('DELETE FROM records WHERE id = $1', [reportId]),
    ).rejects.toMatchObject({ code: 'BR001' });

    // A forged seal is refused.
    const forgedId = uuidv7();
    const forged = plain(await sealedReport(forgedId, 2));
    forged.content.work.description = 'Autre chose';
    const forgedRes = await device.push([
      device.upsert('reports', forgedId, { clientId, interventionId: uuidv7(), ...forged }),
    ]);
    expect(forgedRes.body.results[0]).toMatchObject({
      status: 'rejected',
      reason: 'seal_mismatch',
    });

    // A new version referencing the sealed one is a new record: accepted.
    const v2Id = uuidv7();
    const v2 = plain(draftReport(v2Id));
    v2.content.version = {
      number: 2,
      supersedes: { reportId, number: sealed.content.number, sealHash: sealed.seal.hash },
    };
    expect(
      (
        await device.push([
          device.upsert('reports', v2Id, { clientId, interventionId: uuidv7(), ...v2 }),
        ])
      ).body.results[0]?.status,
    ).toBe('applied');

    // Assigning the client to someone else re-sends its records, the sealed one unchanged.
    await server.assign(server.tech2, clientId);
    const pulled = await server.tech2.api.pullAll(uuidv7());
    const report = byId(pulled.records, reportId)[0]!;
    expect(report).toMatchObject({ revision: 1, data: { seal: { hash: sealed.seal.hash } } });
  });

  it('scopes a technician to their clients and withdraws a lost assignment', async () => {
    const mine = await createClient(server, 'Client A');
    const other = await createClient(server, 'Client B');
    const tech = await server.addAccount('technician');
    await server.assign(tech, mine);
    const office = new TestDevice(server.office.api);
    const otherSite = uuidv7();
    await office.push([
      office.upsert('sites', uuidv7(), siteData(mine)),
      office.upsert('sites', otherSite, siteData(other)),
    ]);

    const laptop = new TestDevice(tech.api);
    const first = await tech.api.pullAll(laptop.deviceId);
    const clientIds = new Set(first.records.map((r) => r.clientId));
    expect(clientIds.has(mine)).toBe(true);
    expect(clientIds.has(other)).toBe(false);

    const write = await laptop.push([
      laptop.upsert('sites', otherSite, { city: 'Ailleurs' }, 1),
      laptop.upsert('sites', uuidv7(), siteData(other)),
    ]);
    expect(write.body.results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
      'forbidden',
      'forbidden',
    ]);
    expect(
      await count(
        server.db,
        "SELECT count(*) AS n FROM records WHERE client_id = $1 AND entity = 'sites'",
        [other],
      ),
    ).toBe(1);

    // Assigned later: the client's existing records arrive even though the cursor is past them.
    await server.assign(tech, other);
    const afterGrant = await tech.api.pullAll(laptop.deviceId, first.last.cursor);
    expect(
      afterGrant.records
        .filter((r) => r.clientId === other)
        .map((r) => r.entity)
        .sort(),
    ).toEqual(['clients', 'sites']);

    const res = await server.office.api.request('DELETE', '/api/v1/admin/assignments', {
      accountId: tech.id,
      clientId: other,
    });
    expect(res.status).toBe(204);
    const afterLoss = await tech.api.pull(laptop.deviceId, afterGrant.last.cursor);
    expect(afterLoss.body.scopeClientIds).toEqual([mine]);
  });

  it('tells a device older than the tombstone horizon to resync from scratch', async () => {
    const clientId = await createClient(server);
    const device = new TestDevice(server.office.api);
    const siteId = uuidv7();
    await device.push([device.upsert('sites', siteId, siteData(clientId))]);
    const old = await server.office.api.pullAll(device.deviceId);
    await device.push([device.delete('sites', siteId, 1)]);
    expect(await purgeTombstones(server.db, Date.now() + 1000, 0)).toBeGreaterThanOrEqual(1);
    const res = await server.office.api.pull(device.deviceId, old.last.cursor);
    expect(res.body.reset).toBe(true);
    const fresh = await server.office.api.pullAll(device.deviceId, res.body.cursor);
    expect(byId([...res.body.records, ...fresh.records], siteId)).toHaveLength(0);
    expect(byId([...res.body.records, ...fresh.records], clientId)).toHaveLength(1);
  });

  it('resets a device whose cursor the database cannot know (restored or replaced server)', async () => {
    const res = await server.office.api.pull(uuidv7(), '999999999:1:0');
    expect(res.status).toBe(200);
    expect(res.body.reset).toBe(true);
    expect(res.body.records.length).toBeGreaterThan(0);
    expect((await server.office.api.pull(uuidv7(), '1;DROP TABLE records')).status).toBe(400);
  });

  it('refuses a batch from a clock far in the future, storing nothing', async () => {
    const clientId = await createClient(server);
    const device = new TestDevice(server.office.api);
    const siteId = uuidv7();
    const m = {
      ...device.upsert('sites', siteId, siteData(clientId)),
      at: Date.now() + 2 * 60 * 60 * 1000,
    };
    const res = await device.push([m]);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'clock_drift' });
    expect(
      await count(server.db, 'SELECT count(*) AS n FROM records WHERE id = $1', [siteId]),
    ).toBe(0);
    expect(
      await count(server.db, 'SELECT count(*) AS n FROM devices WHERE device_id = $1', [
        device.deviceId,
      ]),
    ).toBe(0);
  });

  it('answers a client speaking an older protocol with 426 and a message to update', async () => {
    const res = await server.office.api.request(
      'GET',
      `/api/v1/sync/pull?deviceId=${uuidv7()}`,
      undefined,
      { 'x-bordereau-protocol': '0' },
    );
    expect(res.status).toBe(426);
    expect(res.body).toMatchObject({
      error: 'upgrade_required',
      message: expect.stringContaining('mettez l’application à jour'),
    });
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: backend });
  });

  it('lets a technician create a client on site, never take over the office’s', async () => {
    // New clients from the field are accepted, pending validation (sync/field-clients.test.ts).
    const officeClient = await createClient(server, 'Client du bureau');
    const device = new TestDevice(server.tech1.api);
    const res = await device.push([
      device.upsert('clients', officeClient, clientData('Intrus')),
      device.upsert('clients', uuidv7(), clientData('Nouveau client')),
    ]);
    expect(res.body.results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
      'forbidden',
      'applied',
    ]);
  });
});
