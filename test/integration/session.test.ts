import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BordereauDb, getDeviceId } from '../../renderer/db/database';
import { createSite } from '../../renderer/db/repositories/sites';
import { desktop } from '../../renderer/platform/desktop';
import { loadSession, login, logout, TOKEN_SECRET_KEY } from '../../renderer/sync/session';
import { fetchTransport } from '../../renderer/sync/transport';
import { createClient, PASSWORD, startTestServer } from '../server/helpers';
import type { TestServer } from '../server/helpers';

let server: TestServer;
let db: BordereauDb;
let n = 0;

beforeEach(async () => {
  server = await startTestServer('pglite');
  db = new BordereauDb(`session-${++n}`);
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
  await server.close();
});

describe('session with the office server', () => {
  it('logs in, keeps the token in the secret store (not in settings) and logs out', async () => {
    const session = await login(
      db,
      { serverUrl: `${server.url}/`, email: server.tech1.email.toUpperCase(), password: PASSWORD },
      fetchTransport,
    );
    expect(session.account).toMatchObject({ id: server.tech1.id, role: 'technician' });
    expect(session.serverUrl).toBe(server.url);
    const secret = await desktop.getSecret({ key: TOKEN_SECRET_KEY });
    expect(secret).toEqual({ ok: true, value: session.token });
    expect(JSON.stringify(await db.settings.toArray())).not.toContain(session.token);
    expect(await loadSession(db)).toMatchObject({
      token: session.token,
      account: { id: server.tech1.id },
    });

    await logout(db, fetchTransport);
    expect(await loadSession(db)).toBeNull();
    expect(await desktop.getSecret({ key: TOKEN_SECRET_KEY })).toEqual({ ok: true, value: null });
    // The server revoked the token.
    const res = await fetch(`${server.url}/api/v1/sync/pull?deviceId=${await getDeviceId(db)}`, {
      headers: {
        authorization: `Bearer ${session.token}`,
        'x-bordereau-protocol': '1',
        'x-bordereau-schema': '1',
      },
    });
    expect(res.status).toBe(401);
  });

  it('refuses wrong credentials and bad input with French messages', async () => {
    await expect(
      login(
        db,
        { serverUrl: server.url, email: server.tech1.email, password: 'mauvais mot de passe' },
        fetchTransport,
      ),
    ).rejects.toMatchObject({
      kind: 'unauthorized',
      message: 'Adresse e-mail ou mot de passe incorrect.',
    });
    await expect(
      login(
        db,
        { serverUrl: 'ftp://x', email: server.tech1.email, password: PASSWORD },
        fetchTransport,
      ),
    ).rejects.toThrow(/http:\/\/ ou https:\/\//);
    await expect(
      login(
        db,
        { serverUrl: 'http://192.168.1.10:8787', email: server.tech1.email, password: PASSWORD },
        fetchTransport,
      ),
    ).rejects.toThrow(/doit être en https:\/\//);
    await expect(
      login(
        db,
        { serverUrl: server.url, email: 'pas-un-email', password: PASSWORD },
        fetchTransport,
      ),
    ).rejects.toThrow(/Adresse e-mail invalide/);
    expect(await loadSession(db)).toBeNull();
  });

  it('never switches account while changes of the previous one are unsent; starts afresh once they are sent', async () => {
    await login(
      db,
      { serverUrl: server.url, email: server.tech1.email, password: PASSWORD },
      fetchTransport,
    );
    const clientId = await createClient(server);
    await createSite(db, {
      clientId,
      name: 'Atelier',
      address: '2 rue Neuve',
      postcode: '93100',
      city: 'Montreuil',
    });
    const deviceBefore = await getDeviceId(db);
    await expect(
      login(
        db,
        { serverUrl: server.url, email: server.tech2.email, password: PASSWORD },
        fetchTransport,
      ),
    ).rejects.toThrow(/ne sont pas encore envoyées/);
    expect(await db.sites.count()).toBe(1);
    expect((await loadSession(db))!.account.id).toBe(server.tech1.id);

    // Sent and confirmed, as a pull would leave it; plus a record the server refused, which
    // exists on this laptop only and must survive the switch.
    await db.outbox.clear();
    await db.sites.toCollection().modify({ revision: 1 });
    const refused = await createSite(db, {
      clientId,
      name: 'Refusé',
      address: '3 rue Neuve',
      postcode: '93100',
      city: 'Montreuil',
    });
    await db.outbox.clear();
    await login(
      db,
      { serverUrl: server.url, email: server.tech2.email, password: PASSWORD },
      fetchTransport,
    );
    expect((await loadSession(db))!.account.id).toBe(server.tech2.id);
    expect((await db.sites.toArray()).map((site) => site.id)).toEqual([refused.id]);
    expect(await getDeviceId(db)).not.toBe(deviceBefore);
  });
});
