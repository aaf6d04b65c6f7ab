import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { AuthenticatedAccount } from '../../server/auth/tokens';
import { pullChanges } from '../../server/sync/pull';
import type { PullResponse } from '../../shared/sync/protocol';
import { SYNC_LIMITS } from '../../shared/sync/protocol';
import type { TestServer } from './helpers';
import {
  BACKENDS,
  TestDevice,
  createClient,
  startTestServer,
  stopPostgres,
  visitData,
} from './helpers';

const KIB = 1024;

/**
 * A pull page holds at most SYNC_LIMITS.maxPullPageBytes of record data whatever `limit`
 * says (5,000 records of 256 KiB would be more than a gigabyte of JSON), and the cursor
 * resumes exactly after the last record served, even when the cut falls between records
 * written by one transaction.
 */
describe.each(BACKENDS)('pull page byte budget on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  /** Pushes `n` interventions of about `size` bytes, `perBatch` to a batch (one transaction each). */
  async function pushLarge(device: TestDevice, clientId: string, n: number, size: number) {
    const perBatch = Math.max(1, Math.floor((SYNC_LIMITS.maxPushBytes - 16 * KIB) / size));
    const batchOf = new Map<string, number>();
    const mutationOf = new Map<string, number>();
    for (let start = 0; start < n; start += perBatch) {
      const batch = Array.from({ length: Math.min(perBatch, n - start) }, (_, i) =>
        device.upsert(
          'interventions',
          uuidv7(),
          visitData(clientId, {
            title: `n° ${start + i}`,
            notes: String(start + i).padEnd(size, '.'),
          }),
        ),
      );
      const res = await device.push(batch);
      expect(res.status).toBe(200);
      expect(res.body.results.every((r) => r.status === 'applied')).toBe(true);
      for (const m of batch) {
        batchOf.set(m.recordId, start);
        mutationOf.set(m.recordId, m.mutationId);
      }
    }
    return { batchOf, mutationOf };
  }

  it('cuts pages of large records at the byte budget and serves every record exactly once', async () => {
    const clientId = await createClient(server);
    const device = new TestDevice(server.office.api);
    const size = 150 * KIB;
    const { batchOf, mutationOf } = await pushLarge(device, clientId, 60, size);

    const pages: PullResponse[] = [];
    let cursor = '0';
    for (;;) {
      const res = await server.office.api.pull(device.deviceId, cursor, SYNC_LIMITS.maxPullLimit);
      expect(res.status).toBe(200);
      pages.push(res.body);
      cursor = res.body.cursor;
      if (!res.body.hasMore) break;
    }
    const served = pages.flatMap((p) => p.records.map((r) => r.recordId));
    const mine = served.filter((id) => batchOf.has(id));
    expect(mine).toHaveLength(60);
    expect(new Set(served).size).toBe(served.length);
    expect(pages.length).toBeGreaterThanOrEqual(3);

    const received = new Set<string>();
    for (const [i, page] of pages.entries()) {
      const bytes = page.records.reduce(
        (sum, r) => sum + (r.data ? Buffer.byteLength(JSON.stringify(r.data)) : 0),
        0,
      );
      expect(bytes, `page ${i}`).toBeLessThanOrEqual(SYNC_LIMITS.maxPullPageBytes);
      if (i < pages.length - 1) {
        expect(page.hasMore).toBe(true);
        // The next record would not have fitted (the server counts jsonb's text, a little
        // longer than JSON.stringify's).
        const next = pages[i + 1]!.records[0]?.data;
        const nextBytes = next ? Buffer.byteLength(JSON.stringify(next)) : 0;
        expect(bytes + nextBytes).toBeGreaterThan(SYNC_LIMITS.maxPullPageBytes - KIB);
      }
      for (const r of page.records) received.add(r.recordId);
      // Whatever the page confirms has reached the device.
      for (const [id, mutationId] of mutationOf) {
        if (mutationId <= page.lastAppliedMutationId) expect(received.has(id)).toBe(true);
      }
    }
    expect(pages.at(-1)!.lastAppliedMutationId).toBe(60);
    // At least one cut fell between records of the same batch (the same transaction).
    const cutsInsideBatch = pages.slice(0, -1).filter((page, i) => {
      const lastId = page.records.at(-1)!.recordId;
      const nextId = pages[i + 1]!.records[0]?.recordId;
      return nextId !== undefined && batchOf.get(lastId) === batchOf.get(nextId!);
    });
    expect(cutsInsideBatch.length).toBeGreaterThan(0);
  });

  it('resumes right after the last record served, one record per page if need be', async () => {
    const clientId = await createClient(server);
    const device = new TestDevice(server.office.api);
    const ids: string[] = [];
    // One transaction: ten records sharing a transaction id, a tombstone among them.
    const batch = Array.from({ length: 10 }, (_, i) => {
      const id = uuidv7();
      ids.push(id);
      return device.upsert('interventions', id, visitData(clientId, { title: `n° ${i}` }));
    });
    expect((await device.push(batch)).status).toBe(200);
    expect((await device.push([device.delete('interventions', ids[4]!, 1)])).status).toBe(200);

    const office: AuthenticatedAccount = {
      id: server.office.id,
      email: server.office.email,
      name: 'Bureau',
      role: 'office',
    };
    const start = await server.office.api.pullAll(device.deviceId);
    const before = start.records.length;
    expect(before).toBeGreaterThanOrEqual(10);
    for (const budget of [1, 10_000]) {
      const served: string[] = [];
      let cursor = '0';
      let pages = 0;
      for (;;) {
        const page = await pullChanges(
          server.db,
          office,
          { deviceId: device.deviceId, cursor, limit: 1000 },
          budget,
        );
        pages++;
        expect(page.records.length).toBeGreaterThan(0);
        served.push(...page.records.map((r) => r.recordId));
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      expect(served, `budget ${budget}`).toEqual(start.records.map((r) => r.recordId));
      if (budget === 1) expect(pages).toBe(before);
      else expect(pages).toBeLessThan(before);
    }
  });
});
