import { describe, expect, it } from 'vitest';
import { SyncApi } from '../../../renderer/sync/api-client';
import type { Transport } from '../../../renderer/sync/transport';
import { SyncError } from '../../../renderer/sync/sync-error';

const DEVICE = '0190a000-0000-7000-8000-0000000000dd';

function answering(
  status: number,
  body: unknown,
  seen: { url?: string; init?: RequestInit } = {},
): Transport {
  return async (url, init) => {
    seen.url = url;
    seen.init = init;
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
}

async function failure(transport: Transport): Promise<SyncError> {
  const error = await new SyncApi('http://server/', transport)
    .withToken('t'.repeat(40))
    .pull(DEVICE, '0')
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SyncError);
  return error as SyncError;
}

describe('SyncApi', () => {
  it('sends both versions and the token, and checks the answer against the protocol', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const page = {
      reset: false,
      records: [],
      cursor: '12:3:0',
      hasMore: false,
      lastAppliedMutationId: 4,
      scopeClientIds: null,
    };
    const result = await new SyncApi('http://server/', answering(200, page, seen))
      .withToken('t'.repeat(40))
      .pull(DEVICE, '5:1:0', 100);
    expect(result).toEqual(page);
    expect(seen.url).toBe(
      `http://server/api/v1/sync/pull?deviceId=${DEVICE}&cursor=5%3A1%3A0&limit=100`,
    );
    expect(seen.init?.headers).toMatchObject({
      'x-bordereau-protocol': '1',
      'x-bordereau-schema': '1',
      authorization: `Bearer ${'t'.repeat(40)}`,
    });
  });

  it('maps every failure to a kind the scheduler acts on, with a French message', async () => {
    const offline = await failure(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(offline).toMatchObject({ kind: 'offline', retryable: true });
    expect(offline.message).not.toMatch(/Failed to fetch/);
    expect(
      await failure(answering(426, { error: 'upgrade_required', message: 'trop ancienne' })),
    ).toMatchObject({
      kind: 'upgrade',
      retryable: false,
      message: expect.stringMatching(/mettez l’application à jour/),
    });
    expect(
      await failure(
        answering(401, {
          error: 'unauthorized',
          message: 'Session absente, expirée ou révoquée : reconnectez-vous.',
        }),
      ),
    ).toMatchObject({
      kind: 'unauthorized',
      retryable: false,
      message: 'Session absente, expirée ou révoquée : reconnectez-vous.',
    });
    expect(
      await failure(answering(400, { error: 'clock_drift', message: 'L’horloge est en avance.' })),
    ).toMatchObject({ kind: 'clock', retryable: true });
    expect(
      await failure(answering(503, { error: 'unavailable', message: 'Réessayez.' })),
    ).toMatchObject({ kind: 'server', retryable: true, status: 503 });
    expect(await failure(answering(502, '<html>Bad gateway</html>'))).toMatchObject({
      kind: 'server',
      message: expect.stringMatching(/momentanément indisponible \(erreur 502\)/),
    });
    expect(await failure(answering(200, { records: 'nope' }))).toMatchObject({ kind: 'protocol' });
    expect(await failure(answering(200, '{"reset": fal'))).toMatchObject({ kind: 'offline' });
  });
});
