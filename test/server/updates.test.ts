import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { updateFeedUrl } from '../../shared/updates';
import { updatesDirFromEnv } from '../../server/routes/updates';
import type { TestServer } from './helpers';
import { BACKENDS, startTestServer, stopPostgres } from './helpers';

const LATEST = `version: 0.2.0
files:
  - url: Bordereau-Setup-0.2.0.exe
    sha512: abc
    size: 10
path: Bordereau-Setup-0.2.0.exe
sha512: abc
releaseDate: '2026-11-30T06:00:00.000Z'
`;

describe.each(BACKENDS)('release files for electron-updater on %s', (backend) => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bordereau-updates-'));
    writeFileSync(join(dir, 'latest.yml'), LATEST);
    writeFileSync(join(dir, 'Bordereau-Setup-0.2.0.exe'), '0123456789');
    writeFileSync(join(dir, '.env'), 'SECRET=1');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'x.yml'), 'x');
    vi.stubEnv('BORDEREAU_UPDATES_DIR', dir);
    server = await startTestServer(backend);
    vi.unstubAllEnvs();
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  it('serves the manifest uncached and without the API headers or a token', async () => {
    const res = await fetch(`${updateFeedUrl(server.url)}latest.yml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(LATEST);
  });

  it('serves byte ranges of an installer (differential downloads)', async () => {
    const res = await fetch(`${server.url}/updates/Bordereau-Setup-0.2.0.exe`, {
      headers: { range: 'bytes=2-5' },
    });
    expect(res.status).toBe(206);
    expect(await res.text()).toBe('2345');
  });

  it('refuses hidden files, traversal and sub-folders, in French', async () => {
    for (const path of ['.env', '..%2Fpackage.json', 'sub%2Fx.yml', '%2E%2E%2Fetc']) {
      const res = await fetch(`${server.url}/updates/${path}`);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/invalide/);
    }
  });

  it('answers 404 in French for a file not published', async () => {
    const res = await fetch(`${server.url}/updates/latest-mac.yml`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toMatch(/inconnue/);
  });
});

describe('without a release folder', () => {
  let server: TestServer;
  beforeAll(async () => {
    vi.stubEnv('BORDEREAU_UPDATES_DIR', '');
    server = await startTestServer('pglite');
    vi.unstubAllEnvs();
  });
  afterAll(async () => server?.close());

  it('says no update is published', async () => {
    expect(updatesDirFromEnv({ BORDEREAU_UPDATES_DIR: '  ' })).toBeNull();
    const res = await fetch(`${server.url}/updates/latest.yml`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toMatch(
      /Aucune mise à jour n’est publiée/,
    );
  });
});
