import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { AccountSummary } from '../../../shared/admin/admin-protocol';
import type { TestServer } from '../helpers';
import {
  BACKENDS,
  PASSWORD,
  TestDevice,
  createClient,
  login,
  siteData,
  startTestServer,
  stopPostgres,
} from '../helpers';

/** Office administration of accounts and assignments, each action checked by the server. */
describe.each(BACKENDS)('account administration on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  const accounts = async () =>
    (
      await server.office.api.request<{ accounts: AccountSummary[] }>(
        'GET',
        '/api/v1/admin/accounts',
      )
    ).body.accounts;

  it('lists accounts with their devices’ last sync and their clients', async () => {
    const clientId = await createClient(server, 'Liste');
    await server.assign(server.tech1, clientId);
    const device = new TestDevice(server.tech1.api);
    await device.push([device.upsert('sites', uuidv7(), siteData(clientId))]);
    const tech = (await accounts()).find((a) => a.id === server.tech1.id)!;
    expect(tech).toMatchObject({ role: 'technician', disabled: false, clientIds: [clientId] });
    expect(tech.devices).toEqual([{ deviceId: device.deviceId, lastPushAt: expect.any(Number) }]);
  });

  it('renames, changes roles and resets passwords, ending the old sessions', async () => {
    const tech = await server.addAccount('technician', 'Ancien nom');
    const rename = await server.office.api.request('PATCH', `/api/v1/admin/accounts/${tech.id}`, {
      name: 'Nouveau nom',
      role: 'office',
    });
    expect(rename.status).toBe(204);
    expect((await accounts()).find((a) => a.id === tech.id)).toMatchObject({
      name: 'Nouveau nom',
      role: 'office',
    });
    const demoteSelf = await server.office.api.request(
      'PATCH',
      `/api/v1/admin/accounts/${server.office.id}`,
      { role: 'technician' },
    );
    expect(demoteSelf.status).toBe(409);

    const reset = await server.office.api.request(
      'POST',
      `/api/v1/admin/accounts/${tech.id}/password`,
      { password: 'un nouveau mot de passe' },
    );
    expect(reset).toMatchObject({ status: 200, body: { revoked: 1 } });
    expect((await tech.api.request('GET', '/api/v1/admin/accounts')).status).toBe(401);
    await expect(login(server.url, tech.email, PASSWORD)).rejects.toThrow(/401/);
    expect(await login(server.url, tech.email, 'un nouveau mot de passe')).toBeTruthy();

    const short = await server.office.api.request(
      'POST',
      `/api/v1/admin/accounts/${tech.id}/password`,
      { password: 'court' },
    );
    expect(short.status).toBe(400);
    expect(
      (
        await server.office.api.request('PATCH', `/api/v1/admin/accounts/${uuidv7()}`, {
          name: 'x',
        })
      ).status,
    ).toBe(404);
  });

  it('assigns several clients to several technicians at once, and takes them back', async () => {
    const clients = [await createClient(server, 'Un'), await createClient(server, 'Deux')];
    const techs = [await server.addAccount('technician'), await server.addAccount('technician')];
    const give = await server.office.api.request('POST', '/api/v1/admin/assignments/bulk', {
      accountIds: techs.map((t) => t.id),
      clientIds: clients,
      assigned: true,
    });
    expect(give).toMatchObject({ status: 200, body: { changed: 4 } });
    const pulled = await techs[1]!.api.pullAll(uuidv7());
    expect([...(pulled.last.scopeClientIds ?? [])].sort()).toEqual([...clients].sort());

    const take = await server.office.api.request('POST', '/api/v1/admin/assignments/bulk', {
      accountIds: [techs[0]!.id],
      clientIds: [clients[0]],
      assigned: false,
    });
    expect(take).toMatchObject({ status: 200, body: { changed: 1 } });
    expect((await accounts()).find((a) => a.id === techs[0]!.id)?.clientIds).toEqual([clients[1]]);

    // An office account cannot be given clients; a technician cannot assign.
    const toOffice = await server.office.api.request('POST', '/api/v1/admin/assignments/bulk', {
      accountIds: [server.office.id],
      clientIds: clients,
      assigned: true,
    });
    expect(toOffice.status).toBe(404);
    const byTech = await techs[0]!.api.request('POST', '/api/v1/admin/assignments/bulk', {
      accountIds: [techs[0]!.id],
      clientIds: clients,
      assigned: true,
    });
    expect(byTech.status).toBe(403);
  });
});
