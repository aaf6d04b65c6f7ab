import { describe, expect, it } from 'vitest';
import type { TestServer } from './helpers';
import { VERSION_HEADERS, startTestServer } from './helpers';

/** Wrong-password logins from `clientIp`, as the reverse proxy forwards them; the statuses. */
async function attempts(server: TestServer, clientIp: string, n: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': clientIp,
        ...VERSION_HEADERS,
      },
      body: JSON.stringify({ email: server.office.email, password: 'wrong password' }),
    });
    statuses.push(res.status);
  }
  return statuses;
}

/**
 * Behind the TLS reverse proxy every connection comes from the proxy: without trusting it,
 * all users share one login rate-limit bucket (one user's typos lock everybody out).
 */
describe('login rate limit behind a reverse proxy', () => {
  // startTestServer logs three accounts in from 127.0.0.1 itself (no X-Forwarded-For): with a
  // limit of 3, that address's bucket is already empty.
  for (const trustProxy of [true, ['127.0.0.1'], ['10.0.0.0/8', '127.0.0.0/8']]) {
    it(`keys on the client address the proxy forwards (trustProxy ${JSON.stringify(trustProxy)})`, async () => {
      const server = await startTestServer('pglite', { loginRatePerMinute: 3, trustProxy });
      try {
        expect(await attempts(server, '203.0.113.7', 4)).toEqual([401, 401, 401, 429]);
        expect(await attempts(server, '203.0.113.8', 1)).toEqual([401]);
      } finally {
        await server.close();
      }
    });
  }

  it('ignores X-Forwarded-For from a connection it does not trust', async () => {
    for (const trustProxy of [undefined, ['10.0.0.1']]) {
      const server = await startTestServer('pglite', {
        loginRatePerMinute: 3,
        ...(trustProxy ? { trustProxy } : {}),
      });
      try {
        expect(await attempts(server, '203.0.113.9', 2)).toEqual([429, 429]);
      } finally {
        await server.close();
      }
    }
  });
});
