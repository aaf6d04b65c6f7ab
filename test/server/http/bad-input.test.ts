import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { TestServer } from '../helpers';
import { BACKENDS, startTestServer, stopPostgres } from '../helpers';

describe.each(BACKENDS)('bad input answered 400, not 503, on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  it('refuses a pull cursor whose parts are out of the database range', async () => {
    for (const cursor of [
      '1:99999999999999999999:0',
      '99999999999999999999:1:0',
      '1:1:9999999999',
    ]) {
      const res = await server.tech1.api.pull(uuidv7(), cursor);
      expect(res.status, cursor).toBe(400);
    }
    expect(
      (await server.tech1.api.pull(uuidv7(), '18446744073709551615:9223372036854775807:0')).status,
    ).toBe(200);
  });

  it('refuses an account name with a NUL byte or a lone surrogate, instead of storing it altered', async () => {
    for (const name of ['Jean\u0000Dupont', 'Jean 😀'.slice(0, 6)]) {
      const res = await server.office.api.request('POST', '/api/v1/admin/accounts', {
        email: `x.${uuidv7().slice(-8)}@example.fr`,
        name,
        role: 'technician',
        password: 'correct horse battery staple',
      });
      expect(res.status, JSON.stringify(name)).toBe(400);
    }
  });
});
