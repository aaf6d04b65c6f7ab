import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from './helpers';
import { uuidv7 } from 'uuidv7';
import { TestDevice, VERSION_HEADERS, count, createClient, startTestServer } from './helpers';
import { draftReport, plain } from './report-fixture';

describe('blobs (attachments by SHA-256)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite');
  });
  afterAll(async () => {
    await server?.close();
  });

  const put = (hash: string, bytes: Buffer, token = server.tech1.token) =>
    fetch(`${server.url}/api/v1/blobs/${hash}`, {
      method: 'PUT',
      headers: {
        ...VERSION_HEADERS,
        authorization: `Bearer ${token}`,
        'content-type': 'application/octet-stream',
      },
      body: new Uint8Array(bytes),
    });

  it('stores bytes under their hash once, however often they are uploaded, and serves them back', async () => {
    const bytes = randomBytes(300_000);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const first = await put(hash, bytes);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ sha256: hash, size: bytes.length, created: true });
    const again = await put(hash, bytes);
    // Same answer as the first time: an upload does not tell whether the server had the bytes.
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual({ sha256: hash, size: bytes.length, created: true });
    expect(
      await count(server.db, 'SELECT count(*) AS n FROM blobs WHERE sha256 = $1', [hash]),
    ).toBe(1);

    const got = await fetch(`${server.url}/api/v1/blobs/${hash}`, {
      headers: { ...VERSION_HEADERS, authorization: `Bearer ${server.office.token}` },
    });
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
    const head = await fetch(`${server.url}/api/v1/blobs/${hash}`, {
      method: 'HEAD',
      headers: { ...VERSION_HEADERS, authorization: `Bearer ${server.office.token}` },
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(bytes.length));
  });

  it('refuses bytes that do not match their hash, and a missing blob is 404', async () => {
    const bytes = randomBytes(1000);
    const wrong = createHash('sha256').update('something else').digest('hex');
    const res = await put(wrong, bytes);
    expect(res.status).toBe(400);
    expect(
      await count(server.db, 'SELECT count(*) AS n FROM blobs WHERE sha256 = $1', [wrong]),
    ).toBe(0);
    const missing = await fetch(`${server.url}/api/v1/blobs/${wrong}`, {
      headers: { ...VERSION_HEADERS, authorization: `Bearer ${server.office.token}` },
    });
    expect(missing.status).toBe(404);
    expect((await put('NOT-A-HASH', bytes)).status).toBe(400);
  });

  it('lets a technician read only the blobs they uploaded or that their clients’ records name', async () => {
    const get = (hash: string, token: string) =>
      fetch(`${server.url}/api/v1/blobs/${hash}`, {
        headers: { ...VERSION_HEADERS, authorization: `Bearer ${token}` },
      });
    const head = (hash: string, token: string) =>
      fetch(`${server.url}/api/v1/blobs/${hash}`, {
        method: 'HEAD',
        headers: { ...VERSION_HEADERS, authorization: `Bearer ${token}` },
      });
    const clientId = await createClient(server, 'Cabinet Lefèvre');
    await server.assign(server.tech1, clientId);
    const bytes = randomBytes(2000);
    const hash = createHash('sha256').update(bytes).digest('hex');
    expect((await put(hash, bytes)).status).toBe(201);
    // Uploader and office: yes. Another technician holding the hash: as if it did not exist.
    expect((await get(hash, server.tech1.token)).status).toBe(200);
    expect((await get(hash, server.office.token)).status).toBe(200);
    expect((await get(hash, server.tech2.token)).status).toBe(404);
    expect((await head(hash, server.tech2.token)).status).toBe(404);

    // A report of the client names the photo by its hash; tech2 is assigned the client.
    const reportId = uuidv7();
    const draft = plain(draftReport(reportId));
    const withPhoto = {
      ...draft,
      content: {
        ...draft.content,
        photos: [
          {
            caption: 'Baie',
            sha256: hash,
            mediaType: 'image/jpeg',
            takenAt: draft.content.issuedAt,
          },
        ],
      },
    };
    const device = new TestDevice(server.tech1.api);
    const pushed = await device.push([
      device.upsert('reports', reportId, { clientId, interventionId: uuidv7(), ...withPhoto }),
    ]);
    expect(pushed.body.results[0]?.status).toBe('applied');
    await server.assign(server.tech2, clientId);
    expect((await get(hash, server.tech2.token)).status).toBe(200);
    expect((await head(hash, server.tech2.token)).status).toBe(200);
    // Unassigned again: no more.
    await server.office.api.request('DELETE', '/api/v1/admin/assignments', {
      accountId: server.tech2.id,
      clientId,
    });
    expect((await get(hash, server.tech2.token)).status).toBe(404);
  });
});
