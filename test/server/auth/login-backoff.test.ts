import { randomBytes, scryptSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers';
import { BACKENDS, PASSWORD, VERSION_HEADERS, startTestServer, stopPostgres } from '../helpers';

describe.each(BACKENDS)('login back-off and password hashes on %s', (backend) => {
  let server: TestServer;
  let clock = Date.now();

  beforeAll(async () => {
    server = await startTestServer(backend, { now: () => clock });
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  const login = (email: string, password: string) =>
    fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...VERSION_HEADERS },
      body: JSON.stringify({ email, password }),
    });

  it('backs off an account after repeated failures, whatever the IP limit, and lets it in later', async () => {
    const email = server.tech2.email;
    for (let i = 0; i < 6; i++) expect((await login(email, 'wrong password')).status).toBe(401);
    // Even the right password waits now: the lock is per account, not per guess.
    const locked = await login(email, PASSWORD);
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ error: 'too_many_requests' });
    // An unknown address is counted the same way: the answers do not tell which accounts exist.
    for (let i = 0; i < 6; i++)
      expect((await login('personne@example.fr', 'wrong password')).status).toBe(401);
    expect((await login('personne@example.fr', 'wrong password')).status).toBe(429);

    clock += 60_000;
    expect((await login(email, PASSWORD)).status).toBe(200);
    // A success clears the count.
    expect((await login(email, 'wrong password')).status).toBe(401);
    expect((await login(email, PASSWORD)).status).toBe(200);
  });

  it('rehashes a password stored with N = 2^15 at the next login, with N = 2^17', async () => {
    const salt = randomBytes(16);
    const key = scryptSync(PASSWORD.normalize('NFC'), salt, 32, {
      N: 2 ** 15,
      r: 8,
      p: 1,
      maxmem: 64 * 1024 * 1024,
    });
    const old = ['scrypt', 2 ** 15, 8, 1, salt.toString('base64'), key.toString('base64')].join(
      '$',
    );
    await server.db.query('UPDATE accounts SET password_hash = $2 WHERE id = $1', [
      server.tech1.id,
      old,
    ]);
    expect((await login(server.tech1.email, PASSWORD)).status).toBe(200);
    const stored = await server.db.query<{ password_hash: string }>(
      'SELECT password_hash FROM accounts WHERE id = $1',
      [server.tech1.id],
    );
    expect(stored.rows[0]!.password_hash.startsWith(`scrypt$${2 ** 17}$8$1$`)).toBe(true);
    expect((await login(server.tech1.email, PASSWORD)).status).toBe(200);
  });
});
