import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { TestServer } from '../helpers';
import {
  BACKENDS,
  TestDevice,
  clientData,
  count,
  createClient,
  siteData,
  startTestServer,
  stopPostgres,
} from '../helpers';
import { plain, sealedReport } from '../report-fixture';

/** Clients created on site by a technician, and sealed reports that always reach the office. */
describe.each(BACKENDS)('field clients on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  it('accepts a client created offline with its records, assigns it to its creator, marks it pending', async () => {
    const tech = await server.addAccount('technician', 'Paul Terrain');
    const device = new TestDevice(tech.api);
    const clientId = uuidv7();
    const siteId = uuidv7();
    const reportId = uuidv7();
    const sealed = plain(await sealedReport(reportId));
    const res = await device.push([
      device.upsert('clients', clientId, {
        ...clientData('Boulangerie Martin'),
        // Whatever a device claims, the server decides the origin.
        fieldOrigin: { accountId: tech.id, accountName: 'x', createdAt: 0, validatedAt: 1 },
      }),
      device.upsert('sites', siteId, siteData(clientId)),
      device.upsert('reports', reportId, { clientId, interventionId: uuidv7(), ...sealed }),
    ]);
    expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(
      await count(
        server.db,
        'SELECT count(*) AS n FROM assignments WHERE account_id = $1 AND client_id = $2',
        [tech.id, clientId],
      ),
    ).toBe(1);
    const { records, last } = await tech.api.pullAll(device.deviceId);
    expect(last.scopeClientIds).toEqual([clientId]);
    const client = records.find((r) => r.recordId === clientId);
    expect(client?.data).toMatchObject({
      name: 'Boulangerie Martin',
      fieldOrigin: { accountId: tech.id, accountName: 'Paul Terrain', validatedAt: null },
    });
    expect(records.map((r) => r.recordId).sort()).toEqual([clientId, siteId, reportId].sort());

    // The technician may correct it while pending, not validate it.
    const edit = await device.push([
      device.upsert('clients', clientId, { city: 'Rouen', fieldOrigin: { validatedAt: 5 } }, 1),
    ]);
    expect(edit.body.results[0]).toMatchObject({ status: 'applied', revision: 2 });
    const after = await server.office.api.pullAll(uuidv7());
    const stored = after.records.find((r) => r.recordId === clientId);
    expect(stored?.data).toMatchObject({ city: 'Rouen', fieldOrigin: { validatedAt: null } });
  });

  it('keeps an office client office-only, and refuses contracts from a technician', async () => {
    const clientId = await createClient(server, 'Cabinet Durand');
    await server.assign(server.tech1, clientId);
    const device = new TestDevice(server.tech1.api);
    const res = await device.push([
      device.upsert('clients', clientId, { city: 'Caen' }, 1),
      device.upsert('contracts', uuidv7(), { clientId, name: 'Contrat' }),
    ]);
    expect(res.body.results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
      'forbidden',
      'forbidden',
    ]);
  });

  it('stores a sealed report of a client the technician does not have, for the office', async () => {
    const clientId = await createClient(server, 'Client retiré');
    const device = new TestDevice(server.tech2.api);
    const reportId = uuidv7();
    // Signed under the second technician's own code (a code belongs to one account).
    const tech2 = { name: 'Technicien Deux', code: 'TD' };
    const sealed = plain(await sealedReport(reportId, 1, tech2));
    const res = await device.push([
      device.upsert('reports', reportId, { clientId, interventionId: uuidv7(), ...sealed }),
      // Anything else for that client is still refused.
      device.upsert('sites', uuidv7(), siteData(clientId)),
    ]);
    expect(res.body.results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
      'applied',
      'forbidden',
    ]);
    expect(
      await count(
        server.db,
        'SELECT count(*) AS n FROM records WHERE id = $1 AND sealed AND client_id = $2',
        [reportId, clientId],
      ),
    ).toBe(1);
    // A forged seal is still refused, whoever the client.
    const forgedId = uuidv7();
    const forged = plain(await sealedReport(forgedId, 2, tech2));
    forged.content.clientRemarks = 'falsifié';
    const refused = await device.push([
      device.upsert('reports', forgedId, { clientId, interventionId: uuidv7(), ...forged }),
    ]);
    expect(refused.body.results[0]).toMatchObject({ status: 'rejected', reason: 'seal_mismatch' });
  });
});
