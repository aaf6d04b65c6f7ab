import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { hashPassword, verifyPassword } from '../../server/auth/password';
import type { TestServer } from './helpers';
import { ApiClient, PASSWORD, count, login, startTestServer } from './helpers';

describe('accounts and login', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('hashes passwords with a salt and verifies them', async () => {
    const a = await hashPassword('mot de passe solide');
    const b = await hashPassword('mot de passe solide');
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect(await verifyPassword('mot de passe solide', a)).toBe(true);
    expect(await verifyPassword('mot de passe solid', a)).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$whatever')).toBe(false);
  });

  it('logs in with the right password only, and stores no token in clear', async () => {
    const anonymous = new ApiClient(server.url, null);
    const ok = await anonymous.request<{ token: string; account: { role: string; email: string } }>(
      'POST',
      '/api/v1/auth/login',
      {
        email: server.tech1.email.toUpperCase(),
        password: PASSWORD,
      },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.account).toMatchObject({ role: 'technician', email: server.tech1.email });
    expect(
      await count(server.db, 'SELECT count(*) AS n FROM tokens WHERE token_hash = $1', [
        ok.body.token,
      ]),
    ).toBe(0);
    const wrong = await anonymous.request('POST', '/api/v1/auth/login', {
      email: server.tech1.email,
      password: 'not the password',
    });
    expect(wrong.status).toBe(401);
    const unknown = await anonymous.request('POST', '/api/v1/auth/login', {
      email: 'nobody@example.fr',
      password: PASSWORD,
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('lets the office create a technician, refuses a duplicate e-mail and a short password', async () => {
    const email = `tech.${uuidv7().slice(-6)}@example.fr`;
    const created = await server.office.api.request<{ id: string; role: string }>(
      'POST',
      '/api/v1/admin/accounts',
      {
        email,
        name: 'Nouveau Technicien',
        role: 'technician',
        password: 'un mot de passe long',
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.role).toBe('technician');
    expect(typeof (await login(server.url, email, 'un mot de passe long'))).toBe('string');
    const duplicate = await server.office.api.request('POST', '/api/v1/admin/accounts', {
      email,
      name: 'X',
      role: 'technician',
      password: 'un mot de passe long',
    });
    expect(duplicate.status).toBe(409);
    const short = await server.office.api.request<{ issues: { path: string }[] }>(
      'POST',
      '/api/v1/admin/accounts',
      {
        email: `other.${email}`,
        name: 'X',
        role: 'technician',
        password: 'court',
      },
    );
    expect(short.status).toBe(400);
    expect(short.body.issues.map((i) => i.path)).toEqual(['password']);
    const list = await server.office.api.request<{ accounts: { email: string }[] }>(
      'GET',
      '/api/v1/admin/accounts',
    );
    expect(list.body.accounts.map((a) => a.email)).toContain(email);
  });

  it('assigns clients only to technicians', async () => {
    const res = await server.office.api.request('POST', '/api/v1/admin/assignments', {
      accountId: server.office.id,
      clientId: uuidv7(),
    });
    expect(res.status).toBe(404);
  });
});
