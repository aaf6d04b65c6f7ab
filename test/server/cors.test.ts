import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/config';
import type { TestServer } from './helpers';
import { PASSWORD, VERSION_HEADERS, startTestServer } from './helpers';

/**
 * The desktop app (app://bordereau) and `npm run web` are other origins than the office
 * server: Chromium sends a preflight before each JSON or authorised request and reads
 * Access-Control-Allow-Origin on the answer. Real HTTP on a listening server, as a browser.
 */
describe('CORS for the desktop app and the web renderer', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite', {
      allowedOrigins: ['app://bordereau', 'http://127.0.0.1:5173'],
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const preflight = (origin: string, path: string, method = 'POST') =>
    fetch(`${server.url}${path}`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': method,
        'access-control-request-headers':
          'authorization,content-type,x-bordereau-protocol,x-bordereau-schema',
      },
    });

  it('answers the preflight of the packaged app before any version or token check', async () => {
    for (const path of ['/api/v1/auth/login', '/api/v1/sync/push', '/api/v1/sync/pull']) {
      const res = await preflight('app://bordereau', path);
      expect(res.status, path).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe('app://bordereau');
      const allowedHeaders = res.headers.get('access-control-allow-headers') ?? '';
      for (const h of [
        'authorization',
        'content-type',
        'x-bordereau-protocol',
        'x-bordereau-schema',
      ]) {
        expect(allowedHeaders.toLowerCase()).toContain(h);
      }
      expect(res.headers.get('access-control-allow-methods')).toContain('POST');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
    const put = await preflight('http://127.0.0.1:5173', '/api/v1/blobs/abc', 'PUT');
    expect(put.status).toBe(204);
    expect(put.headers.get('access-control-allow-methods')).toContain('PUT');
  });

  it('marks real answers readable by an allowed origin, errors included', async () => {
    const ok = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: {
        origin: 'app://bordereau',
        'content-type': 'application/json',
        ...VERSION_HEADERS,
      },
      body: JSON.stringify({ email: server.tech1.email, password: PASSWORD }),
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('app://bordereau');
    // The French message of a refusal must reach the screen, so errors carry the header too.
    const tooOld = await fetch(`${server.url}/api/v1/sync/pull`, {
      headers: { origin: 'http://127.0.0.1:5173' },
    });
    expect(tooOld.status).toBe(426);
    expect(tooOld.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(((await tooOld.json()) as { message: string }).message).toMatch(
      /mettez l’application à jour/,
    );
  });

  it('gives no CORS grant to any other page', async () => {
    for (const origin of [
      'https://evil.example',
      'null',
      'app://bordereau.evil',
      'http://127.0.0.1:5174',
    ]) {
      const res = await preflight(origin, '/api/v1/sync/push');
      expect(res.headers.get('access-control-allow-origin'), origin).toBeNull();
      const get = await fetch(`${server.url}/health`, { headers: { origin } });
      expect(get.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it('reads extra origins from BORDEREAU_ALLOWED_ORIGINS, keeping the app’s own', () => {
    expect(parseConfig({}).allowedOrigins).toEqual([
      'app://bordereau',
      'http://127.0.0.1:5173',
      'http://localhost:5173',
    ]);
    expect(
      parseConfig({
        BORDEREAU_ALLOWED_ORIGINS: ' https://bureau.example.fr , http://127.0.0.1:4000',
      }).allowedOrigins,
    ).toEqual([
      'app://bordereau',
      'http://127.0.0.1:5173',
      'http://localhost:5173',
      'https://bureau.example.fr',
      'http://127.0.0.1:4000',
    ]);
    expect(() => parseConfig({ BORDEREAU_ALLOWED_ORIGINS: 'https://bureau.example.fr/' })).toThrow(
      /BORDEREAU_ALLOWED_ORIGINS.*schéma:\/\/hôte/,
    );
  });

  it('allows pages of this computer on any port when the server listens on loopback', async () => {
    const loopback = await startTestServer('pglite', {
      allowedOrigins: ['app://bordereau'],
      allowLoopbackOrigins: true,
    });
    try {
      for (const origin of [
        'http://127.0.0.1:5174',
        'http://localhost:4173',
        'http://[::1]:3000',
      ]) {
        const res = await fetch(`${loopback.url}/api/v1/sync/push`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'PATCH' },
        });
        expect(res.headers.get('access-control-allow-origin'), origin).toBe(origin);
      }
      for (const origin of [
        'https://127.0.0.1:5174',
        'http://127.0.0.1.evil.example',
        'http://10.0.0.2:5173',
      ]) {
        const res = await fetch(`${loopback.url}/health`, { headers: { origin } });
        expect(res.headers.get('access-control-allow-origin'), origin).toBeNull();
      }
    } finally {
      await loopback.close();
    }
    expect(parseConfig({}).allowLoopbackOrigins).toBe(true);
    expect(parseConfig({ HOST: '0.0.0.0' }).allowLoopbackOrigins).toBe(false);
    expect(
      parseConfig({ HOST: '0.0.0.0', BORDEREAU_ALLOW_LOOPBACK_ORIGINS: '1' }).allowLoopbackOrigins,
    ).toBe(true);
  });
});
