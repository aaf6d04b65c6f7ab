import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { saveJobWork } from '../../../renderer/use-cases/planning/job-work';
import { laptop } from '../../integration/sync-harness';
import type { TestLaptop } from '../../integration/sync-harness';
import type { TestServer } from '../helpers';
import { BACKENDS, TestDevice, createClient, startTestServer, stopPostgres } from '../helpers';
import { jobData, requestData } from './fixtures';

/**
 * Issue 15, « Done when »: a job reassigned to another technician while the first was offline
 * ends on one laptop only, and the first technician's work on it is kept and shown to the
 * office. Real laptops (Dexie over fake-indexeddb, the real sync engine) and the real server.
 */
describe.each(BACKENDS)('a job reassigned while its technician was offline (%s)', (backend) => {
  let server: TestServer;
  const laptops: TestLaptop[] = [];
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterEach(() => {
    for (const d of laptops.splice(0)) d.close();
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  async function planOne(technicianId: string) {
    const clientId = await createClient(server, 'Pharmacie du Port');
    await server.assign(server.tech1, clientId);
    await server.assign(server.tech2, clientId);
    const requestId = uuidv7();
    const jobId = uuidv7();
    const office = new TestDevice(server.office.api);
    const res = await office.push([
      office.upsert('requests', requestId, requestData(clientId)),
      office.upsert('jobs', jobId, jobData(clientId, requestId, [technicianId])),
    ]);
    expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    return { clientId, requestId, jobId, office };
  }

  function laptops2(): [TestLaptop, TestLaptop] {
    const first = laptop(server, server.tech1, 'jean');
    const second = laptop(server, server.tech2, 'marie');
    laptops.push(first, second);
    return [first, second];
  }

  it('leaves the first laptop and keeps the work done on it offline, for the office', async () => {
    const { jobId, requestId, office } = await planOne(server.tech1.id);
    const [jean, marie] = laptops2();
    await jean.sync();
    await marie.sync();
    expect(await jean.db.jobs.get(jobId)).toMatchObject({ status: 'planned', revision: 1 });
    expect(await jean.db.requests.get(requestId)).toMatchObject({ channel: 'phone' });
    expect(await marie.db.jobs.get(jobId)).toBeUndefined();

    // Jean, offline, starts the visit; meanwhile the office gives the job to Marie.
    const visitId = uuidv7();
    await saveJobWork({ db: jean.db, now: Date.now }, jobId, {
      status: 'in-progress',
      visits: [{ visitId, technicianId: server.tech1.id, status: 'in-progress' }],
    });
    const moved = await office.push([
      office.upsert('jobs', jobId, { technicianIds: [server.tech2.id], date: '2026-12-03' }, 1),
    ]);
    expect(moved.body.results[0]).toMatchObject({ status: 'applied', revision: 2 });

    // Back online: Jean's work reaches the server, the job leaves his laptop for Marie's.
    const back = await jean.sync();
    expect(back.rejected).toBe(0);
    await jean.sync();
    await marie.sync();
    expect(await jean.db.jobs.get(jobId)).toBeUndefined();
    expect(await jean.db.outbox.count()).toBe(0);
    expect(await marie.db.jobs.get(jobId)).toMatchObject({
      technicianIds: [server.tech2.id],
      date: '2026-12-03',
      status: 'in-progress',
      visits: [{ visitId, technicianId: server.tech1.id, status: 'in-progress' }],
    });

    // The office sees Jean's work on the job it gave to Marie.
    const officeCopy = await server.office.api.pullAll(uuidv7());
    const job = officeCopy.records.find((r) => r.recordId === jobId);
    expect(job?.data).toMatchObject({
      technicianIds: [server.tech2.id],
      visits: [{ visitId, technicianId: server.tech1.id }],
    });
  });

  it('leaves the first laptop when it had done nothing on it', async () => {
    const { jobId, office } = await planOne(server.tech1.id);
    const [jean, marie] = laptops2();
    await jean.sync();
    expect(await jean.db.jobs.get(jobId)).toBeDefined();
    await office.push([office.upsert('jobs', jobId, { technicianIds: [server.tech2.id] }, 1)]);
    await jean.sync();
    await marie.sync();
    expect(await jean.db.jobs.get(jobId)).toBeUndefined();
    expect(await marie.db.jobs.get(jobId)).toMatchObject({ status: 'planned', visits: [] });
  });
});
