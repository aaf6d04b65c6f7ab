import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { PulledRecord } from '../../../shared/sync/protocol';
import type { TestServer } from '../helpers';
import { BACKENDS, TestDevice, createClient, startTestServer, stopPostgres } from '../helpers';
import { jobData, requestData } from './fixtures';

const byId = (records: PulledRecord[], id: string) => records.filter((r) => r.recordId === id);

/**
 * Planning's synced entities (docs/planning.md, « Synchronisation »): the office writes
 * requests and jobs; a technician receives their clients' requests and only the jobs assigned
 * to them, may record a request on site, and of a job writes only the work.
 */
describe.each(BACKENDS)('planning entities over sync (%s)', (backend) => {
  let server: TestServer;
  let clientId: string;
  let requestId: string;
  const office = () => new TestDevice(server.office.api);

  beforeAll(async () => {
    server = await startTestServer(backend);
    clientId = await createClient(server, 'Cabinet Martin');
    await server.assign(server.tech1, clientId);
    await server.assign(server.tech2, clientId);
    requestId = uuidv7();
    const device = office();
    const res = await device.push([device.upsert('requests', requestId, requestData(clientId))]);
    expect(res.body.results[0]).toMatchObject({ status: 'applied' });
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  it('gives a technician their clients’ requests and only the jobs assigned to them', async () => {
    const mine = uuidv7();
    const theirs = uuidv7();
    const shared = uuidv7();
    const device = office();
    const res = await device.push([
      device.upsert('jobs', mine, jobData(clientId, requestId, [server.tech1.id])),
      device.upsert('jobs', theirs, jobData(clientId, requestId, [server.tech2.id])),
      device.upsert(
        'jobs',
        shared,
        jobData(clientId, requestId, [server.tech2.id, server.tech1.id]),
      ),
    ]);
    expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

    const { records } = await server.tech1.api.pullAll(uuidv7());
    expect(byId(records, requestId)).toEqual([
      expect.objectContaining({ entity: 'requests', deleted: false }),
    ]);
    expect(byId(records, mine)[0]).toMatchObject({ deleted: false, data: { date: '2026-12-02' } });
    expect(byId(records, shared)[0]).toMatchObject({ deleted: false });
    // Another technician's job: nothing but its id, as a tombstone the laptop ignores.
    expect(byId(records, theirs)).toEqual([
      expect.objectContaining({ entity: 'jobs', deleted: true, data: null }),
    ]);

    const all = await server.office.api.pullAll(uuidv7());
    expect(byId(all.records, theirs)[0]).toMatchObject({ deleted: false });
  });

  it('lets a technician record a request on site, never create or delete a job', async () => {
    const tech = new TestDevice(server.tech1.api);
    const onSite = uuidv7();
    const job = uuidv7();
    const res = await tech.push([
      tech.upsert('requests', onSite, requestData(clientId, { channel: 'on-site' })),
      tech.upsert('jobs', job, jobData(clientId, onSite, [server.tech1.id])),
    ]);
    expect(res.body.results[0]).toMatchObject({ status: 'applied' });
    expect(res.body.results[1]).toMatchObject({
      status: 'rejected',
      reason: 'forbidden',
      message: expect.stringMatching(/Seul le bureau planifie/),
    });

    const planned = uuidv7();
    const device = office();
    await device.push([
      device.upsert('jobs', planned, jobData(clientId, onSite, [server.tech1.id])),
    ]);
    const del = await tech.push([tech.delete('jobs', planned, 1)]);
    expect(del.body.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });
  });

  it('takes a technician’s work on a job and ignores their copy of the assignment', async () => {
    const job = uuidv7();
    const device = office();
    await device.push([
      device.upsert('jobs', job, jobData(clientId, requestId, [server.tech1.id])),
    ]);
    const visitId = uuidv7();
    const tech = new TestDevice(server.tech1.api);
    const res = await tech.push([
      tech.upsert(
        'jobs',
        job,
        {
          status: 'in-progress',
          visits: [{ visitId, technicianId: server.tech1.id, status: 'in-progress' }],
          // A stale or tampered assignment: the office's stays.
          technicianIds: [server.tech1.id, server.tech2.id],
          date: '2026-12-25',
        },
        1,
      ),
    ]);
    expect(res.body.results[0]).toMatchObject({ status: 'applied', revision: 2 });
    const { records } = await server.office.api.pullAll(uuidv7());
    expect(byId(records, job)[0]!.data).toMatchObject({
      technicianIds: [server.tech1.id],
      date: '2026-12-02',
      status: 'in-progress',
      visits: [{ visitId, status: 'in-progress' }],
    });
  });

  it('never lets the office’s stale copy undo the field’s work, nor conflict on it', async () => {
    const job = uuidv7();
    const device = office();
    await device.push([
      device.upsert('jobs', job, jobData(clientId, requestId, [server.tech1.id])),
    ]);
    const visitId = uuidv7();
    const tech = new TestDevice(server.tech1.api);
    await tech.push([
      tech.upsert(
        'jobs',
        job,
        { status: 'done', visits: [{ visitId, technicianId: server.tech1.id, status: 'done' }] },
        1,
      ),
    ]);
    // The office moves the job from its copy at revision 1 (status planned, no visit).
    const moved = await device.push([
      device.upsert(
        'jobs',
        job,
        { date: '2026-12-03', status: 'planned', visits: [], technicianIds: [server.tech2.id] },
        1,
      ),
    ]);
    expect(moved.body.results[0]).toMatchObject({ status: 'applied', revision: 3 });
    const { records } = await server.office.api.pullAll(uuidv7());
    expect(byId(records, job)[0]!.data).toMatchObject({
      date: '2026-12-03',
      technicianIds: [server.tech2.id],
      status: 'done',
      visits: [{ visitId, technicianId: server.tech1.id, status: 'done' }],
    });

    // The office plans it again (a new round): its status wins over the field's.
    const replanned = await device.push([
      device.upsert('jobs', job, { status: 'planned', round: 1, date: '2026-12-07' }, 3),
    ]);
    expect(replanned.body.results[0]).toMatchObject({ status: 'applied', revision: 4 });
    // A technician's late status of round 0 does not move round 1 forward.
    const late = await tech.push([tech.upsert('jobs', job, { status: 'done', round: 0 }, 2)]);
    expect(late.body.results[0]).toMatchObject({ status: 'applied', revision: 4 });
    const after = await server.office.api.pullAll(uuidv7());
    expect(byId(after.records, job)[0]!.data).toMatchObject({ status: 'planned', round: 1 });
  });

  it('refuses a job that fails its schema, with the French message', async () => {
    const device = office();
    const res = await device.push([
      device.upsert('jobs', uuidv7(), jobData(clientId, requestId, [])),
    ]);
    expect(res.body.results[0]).toMatchObject({
      status: 'rejected',
      reason: 'invalid',
      message: expect.stringContaining('Affectez au moins un technicien.'),
    });
  });
});
