import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { Mutation } from '../../../shared/sync/mutation';
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

describe.each(BACKENDS)('mutation id gaps on %s', (backend) => {
  let server: TestServer;
  let clientId: string;

  beforeAll(async () => {
    server = await startTestServer(backend);
    clientId = await createClient(server);
    await server.assign(server.tech1, clientId);
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  const stored = (ids: string[]) =>
    count(server.db, 'SELECT count(*)::int AS n FROM records WHERE id = ANY($1::uuid[])', [ids]);

  it('refuses an id below the last one that was never processed, instead of acknowledging it', async () => {
    const device = new TestDevice(server.tech1.api);
    const [one, two, three] = [uuidv7(), uuidv7(), uuidv7()].map((id) =>
      device.upsert('sites', id, siteData(clientId)),
    ) as [Mutation, Mutation, Mutation];
    void one;
    const first = await device.push([three]);
    expect(first.body).toMatchObject({ lastMutationId: 3 });
    const late = await device.push([two]);
    expect(late.status).toBe(200);
    expect(late.body).toEqual({ results: [], lastMutationId: 3, gap: true });
    expect(await stored([two.recordId])).toBe(0);
    // The same batch again is still answered from what was stored.
    const again = await device.push([three]);
    expect(again.body.results).toEqual([
      { mutationId: 3, status: 'alreadyApplied', original: 'applied' },
    ]);
  });

  it('refuses a batch that starts after an id the server has not reached; the resend applies it', async () => {
    const device = new TestDevice(server.tech1.api);
    const early = Array.from({ length: 3 }, () =>
      device.upsert('sites', uuidv7(), siteData(clientId)),
    );
    const later = Array.from({ length: 3 }, () =>
      device.upsert('sites', uuidv7(), siteData(clientId)),
    );
    const refused = await device.push(later, 3);
    expect(refused.body).toEqual({ results: [], lastMutationId: 0, gap: true });
    expect(await stored(later.map((m) => m.recordId))).toBe(0);

    expect((await device.push(early, 0)).body.lastMutationId).toBe(3);
    const resent = await device.push(later, 3);
    expect(resent.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(await stored([...early, ...later].map((m) => m.recordId))).toBe(6);
  });

  it('accepts ids the batch itself skips (entries folded into a later one) after the declared start', async () => {
    const device = new TestDevice(server.tech1.api);
    const ms = Array.from({ length: 5 }, () =>
      device.upsert('sites', uuidv7(), siteData(clientId)),
    );
    // 1 and 2 folded away, 4 cancelled: the device sends 3 and 5 from 0.
    const res = await device.push([ms[2]!, ms[4]!], 0);
    expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(res.body.lastMutationId).toBe(5);
  });

  it('two batches of one device sent at once: every acknowledged mutation is stored', async () => {
    for (let round = 0; round < 5; round++) {
      const device = new TestDevice(server.tech1.api);
      const a = Array.from({ length: 40 }, () =>
        device.upsert('sites', uuidv7(), siteData(clientId)),
      );
      const b = Array.from({ length: 40 }, () =>
        device.upsert('sites', uuidv7(), siteData(clientId)),
      );
      const acknowledged = new Set<string>();
      const note = (batch: Mutation[], results: { status: string }[]) =>
        results.forEach((r, i) => {
          if (r.status === 'applied' || r.status === 'alreadyApplied')
            acknowledged.add(batch[i]!.recordId);
        });
      const [ra, rb] = await Promise.all([device.push(a, 0), device.push(b, 40)]);
      note(a, ra.body.results);
      note(b, rb.body.results);
      expect(await stored([...acknowledged])).toBe(acknowledged.size);
      // The device resends what was refused, in order, from the server's last id.
      let last = Math.max(ra.body.lastMutationId, rb.body.lastMutationId);
      for (const [batch, previous] of [
        [a, 0],
        [b, 40],
      ] as const) {
        if (last >= batch.at(-1)!.mutationId) continue;
        const res = await device.push(batch, Math.min(previous, last));
        expect(res.body.gap).toBeUndefined();
        note(batch, res.body.results);
        last = res.body.lastMutationId;
      }
      expect(acknowledged.size).toBe(80);
      expect(await stored([...acknowledged])).toBe(80);
    }
  });
});
