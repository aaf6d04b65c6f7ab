import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { TestServer } from '../helpers';
import { BACKENDS, startTestServer, stopPostgres } from '../helpers';

describe.each(BACKENDS)('the version check on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  it('cannot be skipped by percent-encoding the path', async () => {
    for (const path of ['/api/v1/sync/pull', '/%61pi/v1/sync/pull', '/api/v1/sync/%70ull']) {
      const res = await fetch(`${server.url}${path}?deviceId=${uuidv7()}`, {
        headers: { authorization: `Bearer ${server.tech1.token}` },
      });
      expect(res.status, path).toBe(426);
    }
  });

  it('still answers /health without the headers', async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});
