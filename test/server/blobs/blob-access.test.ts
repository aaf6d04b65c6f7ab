import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { TestServer } from '../helpers';
import {
  BACKENDS,
  TestDevice,
  VERSION_HEADERS,
  createClient,
  startTestServer,
  stopPostgres,
  visitData,
} from '../helpers';

describe.each(BACKENDS)('blob access follows declared references on %s', (backend) => {
  let server: TestServer;
  let clientId: string;

  beforeAll(async () => {
    server = await startTestServer(backend);
    clientId = await createClient(server);
    await server.assign(server.tech1, clientId);
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  /** One request, its body read whole (an unread streamed body would hold the connection). */
  const call = async (method: string, hash: string, token: string, bytes?: Buffer) => {
    const res = await fetch(`${server.url}/api/v1/blobs/${hash}`, {
      method,
      headers: {
        ...VERSION_HEADERS,
        authorization: `Bearer ${token}`,
        ...(bytes ? { 'content-type': 'application/octet-stream' } : {}),
      },
      ...(bytes ? { body: new Uint8Array(bytes) } : {}),
    });
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, body, json: () => JSON.parse(body.toString()) as unknown };
  };

  it('a hash written in a free text field opens nothing; a visit photo naming it does', async () => {
    const bytes = randomBytes(3000);
    const hash = createHash('sha256').update(bytes).digest('hex');
    // Another technician's photo, whose hash tech1 learnt somehow.
    expect((await call('PUT', hash, server.tech2.token, bytes)).status).toBe(201);

    const device = new TestDevice(server.tech1.api);
    const visitId = uuidv7();
    const res = await device.push([
      device.upsert(
        'interventions',
        visitId,
        visitData(clientId, { work: { description: `voir ${hash}` }, note: hash }),
      ),
    ]);
    expect(res.body.results[0]).toMatchObject({ status: 'applied' });
    expect((await call('GET', hash, server.tech1.token)).status).toBe(404);
    expect((await call('HEAD', hash, server.tech1.token)).status).toBe(404);

    const photo = { attachmentId: hash, caption: 'Baie', takenAt: 1 };
    const named = await device.push([
      device.upsert('interventions', visitId, { photos: [photo] }, 1),
    ]);
    expect(named.body.results[0]).toMatchObject({ status: 'applied' });
    const got = await call('GET', hash, server.tech1.token);
    expect(got.status).toBe(200);
    expect(got.body.equals(bytes)).toBe(true);
  });

  it('re-uploading known bytes answers as a first upload and reads back only what one sent', async () => {
    const bytes = randomBytes(1500);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const first = await call('PUT', hash, server.tech2.token, bytes);
    const again = await call('PUT', hash, server.tech1.token, bytes);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.json()).toEqual(first.json());
    // tech1 sent these bytes too: reading them back says nothing about who sent them first.
    expect((await call('GET', hash, server.tech1.token)).status).toBe(200);
  });
});
