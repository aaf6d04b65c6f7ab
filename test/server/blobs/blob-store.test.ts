import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers';
import { BACKENDS, VERSION_HEADERS, count, startTestServer, stopPostgres } from '../helpers';

const QUOTA = 5000;

describe.each(BACKENDS)('blob storage and quota on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend, {
      blobs: { quotaBytes: QUOTA, maxConcurrentUploads: 2 },
    });
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  const put = (bytes: Buffer, token = server.tech1.token) =>
    fetch(`${server.url}/api/v1/blobs/${createHash('sha256').update(bytes).digest('hex')}`, {
      method: 'PUT',
      headers: {
        ...VERSION_HEADERS,
        authorization: `Bearer ${token}`,
        'content-type': 'application/octet-stream',
      },
      body: new Uint8Array(bytes),
    });

  it('keeps the bytes in files by hash in the embedded mode, in the database with PostgreSQL', async () => {
    const bytes = randomBytes(2000);
    const hash = createHash('sha256').update(bytes).digest('hex');
    expect((await put(bytes)).status).toBe(201);
    const inDatabase = await count(
      server.db,
      'SELECT count(*)::int AS n FROM blobs WHERE sha256 = $1 AND content IS NOT NULL',
      [hash],
    );
    if (backend === 'pglite') {
      expect(inDatabase).toBe(0);
      expect((await readFile(join(server.blobDir!, hash.slice(0, 2), hash))).equals(bytes)).toBe(
        true,
      );
    } else {
      expect(inDatabase).toBe(1);
      expect(server.blobDir).toBeNull();
    }
  });

  it('receives concurrent uploads, a bounded number at once, each stored whole', async () => {
    const many = Array.from({ length: 6 }, () => randomBytes(100));
    const answers = await Promise.all(many.map((bytes) => put(bytes, server.tech2.token)));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
  });

  it('refuses an upload past the account quota with 413, storing nothing', async () => {
    const office = server.office.token;
    expect((await put(randomBytes(3000), office)).status).toBe(201);
    const over = randomBytes(3000);
    const res = await put(over, office);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'quota_exceeded' });
    const hash = createHash('sha256').update(over).digest('hex');
    expect(
      await count(server.db, 'SELECT count(*)::int AS n FROM blobs WHERE sha256 = $1', [hash]),
    ).toBe(0);
  });
});
