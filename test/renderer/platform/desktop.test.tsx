import 'fake-indexeddb/auto';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SHELL_MISSING_MESSAGE } from '../../../renderer/platform/shell-state';
import { ShellMissingScreen } from '../../../renderer/platform/ShellMissingScreen';
import { freshDb } from '../db/fresh-db';

/** Loads the renderer's desktop door as a page at `protocol` would, with or without the API. */
async function loadAt(protocol: string, api?: unknown) {
  vi.resetModules();
  vi.stubGlobal('window', { location: { protocol }, desktop: api });
  return {
    platform: await import('../../../renderer/platform/desktop'),
    session: await import('../../../renderer/sync/session'),
    versionBackup: await import('../../../renderer/db/version-backup'),
    rollingBackup: await import('../../../renderer/db/rolling-backup'),
  };
}

const databaseNames = async () => (await indexedDB.databases()).map((d) => d.name);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the desktop API missing under app:// (a failed preload)', () => {
  it('is detected, and every call fails with the French message instead of falling back', async () => {
    const { platform } = await loadAt('app:');
    expect(platform.shellState).toBe('missing');
    expect(platform.isDesktopShell).toBe(false);
    expect(await platform.desktop.setSecret({ key: 'sync.token', value: 'tok' })).toEqual({
      ok: false,
      error: { code: 'io', message: SHELL_MISSING_MESSAGE },
    });
    expect(await platform.desktop.appInfo()).toMatchObject({ ok: false });
  });

  it('writes no secret to IndexedDB: a login succeeds on the server but stores nothing', async () => {
    const { session } = await loadAt('app:');
    const db = freshDb();
    const transport = async () =>
      new Response(
        JSON.stringify({
          token: 'secret-token-123',
          expiresAt: Date.now() + 3_600_000,
          account: {
            id: '0190a6d2-3c4b-7def-8123-456789abcdef',
            email: 'tech@exemple.fr',
            name: 'Tech',
            role: 'technician',
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    await expect(
      session.login(
        db,
        { serverUrl: 'https://bureau.exemple.fr', email: 'tech@exemple.fr', password: 'x' },
        transport,
      ),
    ).rejects.toThrow(SHELL_MISSING_MESSAGE);
    expect(await databaseNames()).not.toContain('bordereau-secrets');
    expect(JSON.stringify(await db.settings.toArray())).not.toContain('secret-token-123');
    db.close();
  });

  it('records no backup as done: the version change is retried, the daily copy fails loudly', async () => {
    const { platform, versionBackup, rollingBackup } = await loadAt('app:');
    const db = freshDb();
    await db.settings.put({ key: versionBackup.APP_VERSION_KEY, value: '0.1.0' });
    await db.clients.add({ id: 'c1' } as never);
    const outcome = await versionBackup.backupOnVersionChange(db, platform.desktop, '0.2.0');
    expect(outcome).toMatchObject({ kind: 'failed', message: SHELL_MISSING_MESSAGE });
    // Still the old version: the copy is attempted again at the next start.
    expect((await db.settings.get(versionBackup.APP_VERSION_KEY))?.value).toBe('0.1.0');
    expect(await rollingBackup.dailyBackupIfDue(db, platform.desktop, '0.2.0')).toMatchObject({
      kind: 'failed',
    });
    db.close();
  });

  it('shows the fatal screen, in French', () => {
    const html = renderToStaticMarkup(<ShellMissingScreen />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('Bordereau ne peut pas démarrer');
    expect(html).toContain('Réinstallez l’application');
  });
});

describe('outside app://', () => {
  it('a plain browser uses the browser fallbacks', async () => {
    const { platform } = await loadAt('http:');
    expect(platform.shellState).toBe('browser');
    expect(await platform.desktop.appInfo()).toMatchObject({
      ok: true,
      value: { platform: 'web' },
    });
  });

  it('the shell with its API uses it', async () => {
    const api = { appInfo: async () => ({ ok: true, value: { platform: 'desktop' } }) };
    const { platform } = await loadAt('app:', api);
    expect(platform.shellState).toBe('desktop');
    expect(platform.desktop).toBe(api);
  });
});
