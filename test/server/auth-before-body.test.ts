import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_LIMITS } from '../../shared/sync/protocol';
import type { TestServer } from './helpers';
import { ApiClient, BACKENDS, VERSION_HEADERS, startTestServer, stopPostgres } from './helpers';

/**
 * The token is checked before the body is read: an anonymous client cannot make the server
 * buffer a 25 MiB blob or parse a 1 MiB push. Authenticated requests keep their answers.
 */
describe.each(BACKENDS)('authentication before the body on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { allowedOrigins: ['app://bordereau'] });
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  const blobPut = (token: string | null, bytes: Uint8Array<ArrayBuffer>) =>
    fetch(`${server.url}/api/v1/blobs/${'a'.repeat(64)}`, {
      method: 'PUT',
      headers: {
        ...VERSION_HEADERS,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        'content-type': 'application/octet-stream',
      },
      body: bytes,
    });

  it('answers 401 to an anonymous or forged request whatever its body', async () => {
    for (const api of [
      new ApiClient(server.url, null),
      new ApiClient(server.url, 'A'.repeat(43)),
    ]) {
      const invalidJson = await api.request('POST', '/api/v1/sync/push', '{"bad json');
      expect(invalidJson.status).toBe(401);
      expect(invalidJson.body).toMatchObject({ error: 'unauthorized' });
      const tooLarge = await api.request(
        'POST',
        '/api/v1/sync/push',
        `{"x":"${'x'.repeat(SYNC_LIMITS.maxPushBytes)}"}`,
      );
      expect(tooLarge.status).toBe(401);
      const admin = await api.request('POST', '/api/v1/admin/accounts', '{"email":');
      expect(admin.status).toBe(401);
      expect((await api.request('POST', '/api/v1/auth/logout', '{')).status).toBe(401);
      expect((await api.request('HEAD', `/api/v1/blobs/${'a'.repeat(64)}`)).status).toBe(401);
    }
  });

  it('answers an anonymous 20 MiB blob upload with 401 before reading its body', async () => {
    // Only the first 64 KiB of the announced 20 MiB are ever sent: a server that reads the
    // body before checking the token never answers.
    const answer = await new Promise<{ status: number; body: string } | 'no answer'>(
      (resolve, reject) => {
        const req = request(`${server.url}/api/v1/blobs/${'a'.repeat(64)}`, {
          method: 'PUT',
          headers: {
            ...VERSION_HEADERS,
            'content-type': 'application/octet-stream',
            'content-length': String(20 * 1024 * 1024),
          },
        });
        const timer = setTimeout(() => {
          req.destroy();
          resolve('no answer');
        }, 3000);
        req.on('response', (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => {
            clearTimeout(timer);
            req.destroy();
            resolve({ status: res.statusCode ?? 0, body });
          });
        });
        req.on('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
        req.write(Buffer.alloc(64 * 1024, 0x61));
      },
    );
    expect(answer).not.toBe('no answer');
    expect(answer).toMatchObject({ status: 401 });
    if (answer !== 'no answer')
      expect(JSON.parse(answer.body)).toMatchObject({ error: 'unauthorized' });
    // A whole anonymous upload is refused the same way, and the server still serves.
    const whole = await blobPut(null, new Uint8Array(20 * 1024 * 1024).fill(0x61));
    expect(whole.status).toBe(401);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('keeps the answers of authenticated requests', async () => {
    const office = server.office.api;
    const invalidJson = await office.request('POST', '/api/v1/sync/push', '{"bad json');
    expect(invalidJson.status).toBe(400);
    expect(invalidJson.body).toMatchObject({ error: 'bad_request' });
    const tooLarge = await office.request(
      'POST',
      '/api/v1/sync/push',
      `{"x":"${'x'.repeat(SYNC_LIMITS.maxPushBytes)}"}`,
    );
    expect(tooLarge.status).toBe(413);
    // A role check comes before the body too: 403, not 400.
    const techAdmin = await server.tech1.api.request('POST', '/api/v1/admin/accounts', '{"email":');
    expect(techAdmin.status).toBe(403);
    const wrongHash = await blobPut(server.tech1.token, new Uint8Array([1, 2, 3]));
    expect(wrongHash.status).toBe(400);
    const pull = await server.tech1.api.pull('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
    expect(pull.status).toBe(200);
  });

  it('still answers CORS preflights without a token', async () => {
    for (const [path, method] of [
      ['/api/v1/sync/push', 'POST'],
      [`/api/v1/blobs/${'a'.repeat(64)}`, 'PUT'],
      ['/api/v1/admin/accounts', 'GET'],
    ] as const) {
      const res = await fetch(`${server.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: 'app://bordereau',
          'access-control-request-method': method,
          'access-control-request-headers': 'authorization,content-type',
        },
      });
      expect(res.status, path).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe('app://bordereau');
    }
  });
});
