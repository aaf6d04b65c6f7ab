import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { FieldClient } from '../../../shared/admin/admin-protocol';
import type { TestServer } from '../helpers';
import {
  BACKENDS,
  TestDevice,
  createClient,
  siteData,
  startTestServer,
  stopPostgres,
} from '../helpers';

describe.each(BACKENDS)('validation queue of field clients on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  const queue = async () =>
    (
      await server.office.api.request<{ clients: FieldClient[] }>(
        'GET',
        '/api/v1/admin/field-clients',
      )
    ).body.clients;

  it('lists a client created on site with its creator and duplicates; validation makes it the office’s', async () => {
    const existing = await createClient(server, 'Garage Petit');
    const device = new TestDevice(server.tech1.api);
    const clientId = uuidv7();
    await device.push([
      device.upsert('clients', clientId, { name: 'garage  petit' }),
      device.upsert('sites', uuidv7(), siteData(clientId)),
    ]);
    expect(await queue()).toEqual([
      {
        clientId,
        name: 'garage  petit',
        siret: '',
        city: '',
        createdBy: { accountId: server.tech1.id, accountName: 'Jean Dupont' },
        createdAt: expect.any(Number),
        assignedTo: [server.tech1.id],
        records: 1,
        duplicates: [{ clientId: existing, name: 'Garage Petit', siret: '' }],
      },
    ]);

    const validated = await server.office.api.request(
      'POST',
      `/api/v1/admin/field-clients/${clientId}/validate`,
    );
    expect(validated.status).toBe(204);
    expect(await queue()).toEqual([]);
    const { records } = await server.tech1.api.pullAll(device.deviceId);
    expect(records.find((r) => r.recordId === clientId)?.data).toMatchObject({
      fieldOrigin: { validatedAt: expect.any(Number) },
    });
    // Validated, it is the office's: the technician's edit is refused (and kept on the laptop).
    const edit = await device.push([device.upsert('clients', clientId, { city: 'Brest' }, 2)]);
    expect(edit.body.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });

    expect(
      (await server.office.api.request('POST', `/api/v1/admin/field-clients/${existing}/validate`))
        .status,
    ).toBe(404);
    expect(
      (await server.tech1.api.request('POST', `/api/v1/admin/field-clients/${clientId}/validate`))
        .status,
    ).toBe(403);
  });
});
