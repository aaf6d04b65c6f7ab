import { EventEmitter } from 'node:events';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { startApp } from '../../electron/app';
import { IPC_CHANNELS } from '../../shared/ipc';
import { fakeElectron } from './fake-electron';

const options = {
  bundleDir: '/opt/Bordereau/resources/app.asar/dist/electron',
  rendererDir: '/opt/renderer',
  devServerUrl: 'http://127.0.0.1:5173/',
  versions: { electron: '45.4.1', chrome: '146.0.7680.80' },
  platform: 'linux' as const,
  env: {},
};

describe('startApp', () => {
  it('fixes the name and userData folder, takes the lock and registers the scheme before ready', () => {
    const fake = fakeElectron({ isPackaged: true });
    startApp(fake.electron, options);
    expect(fake.calls.slice(0, 5)).toEqual([
      'setName:Bordereau',
      'appendSwitch:lang:fr-FR',
      `setPath:userData:${fake.appData}/Bordereau`,
      'requestSingleInstanceLock',
      'registerSchemesAsPrivileged:[{"scheme":"app","privileges":{"standard":true,"secure":true,"supportFetchAPI":true,"corsEnabled":false,"stream":true}}]',
    ]);
    expect(fake.windows).toHaveLength(0);
  });

  it('keeps development data apart from real data', () => {
    const fake = fakeElectron({ isPackaged: false });
    startApp(fake.electron, options);
    expect(fake.calls).toContain(`setPath:userData:${fake.appData}/Bordereau-dev`);
  });

  it('quits at once when another instance holds the lock', () => {
    const fake = fakeElectron({ isPackaged: true, gotLock: false });
    expect(startApp(fake.electron, options)).toEqual({ started: false });
    expect(fake.calls).toContain('quit');
    expect(fake.calls.some((c) => c.startsWith('registerSchemesAsPrivileged'))).toBe(false);
  });

  it('once ready: serves app://, restricts permissions, registers every IPC channel and opens one hardened window', async () => {
    const fake = fakeElectron({ isPackaged: true });
    startApp(fake.electron, options);
    await fake.ready();
    expect(fake.calls).toContain('protocol.handle:app');
    expect(fake.calls).toContain('setPermissionRequestHandler');
    expect(fake.calls).toContain('setPermissionCheckHandler');
    expect([...fake.handlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    expect(fake.windows).toHaveLength(1);
    const win = fake.windows[0]!;
    // Packaged: the dev server URL is ignored.
    expect(win.loaded).toBe('app://bordereau/index.html');
    expect(win.options).toMatchObject({
      webPreferences: {
        preload: `${options.bundleDir}/preload.cjs`,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
      },
    });
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({
      action: 'deny',
    });
    expect(win.webContents.listenerCount('will-navigate')).toBe(1);
  });

  it('hardens the main window once: an https link opens a single time in the system browser', async () => {
    const fake = fakeElectron({ isPackaged: true });
    startApp(fake.electron, options);
    await fake.ready();
    // The fake announces the window's own webContents through 'web-contents-created', as
    // Electron does.
    const contents = fake.windows[0]!.webContents;
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-redirect')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);

    let prevented = false;
    contents.emit('will-navigate', {
      url: 'https://www.example.fr/aide',
      preventDefault: () => (prevented = true),
    });
    expect(prevented).toBe(true);
    expect(fake.calls.filter((c) => c.startsWith('openExternal:'))).toEqual([
      'openExternal:https://www.example.fr/aide',
    ]);
  });

  it('applies the same rules to any other webContents', async () => {
    const fake = fakeElectron({ isPackaged: true });
    startApp(fake.electron, options);
    await fake.ready();
    const other = new EventEmitter() as EventEmitter & {
      windowOpenHandler?: (details: { url: string }) => { action: string };
      setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void;
    };
    other.setWindowOpenHandler = (handler) => {
      other.windowOpenHandler = handler;
    };
    fake.app.emit('web-contents-created', {}, other);
    expect(other.listenerCount('will-navigate')).toBe(1);
    expect(other.windowOpenHandler?.({ url: 'https://www.example.fr/' })).toEqual({
      action: 'deny',
    });
    expect(fake.calls.filter((c) => c.startsWith('openExternal:'))).toEqual([
      'openExternal:https://www.example.fr/',
    ]);
  });

  it('loads the Vite dev server when unpackaged', async () => {
    const fake = fakeElectron({ isPackaged: false });
    startApp(fake.electron, options);
    await fake.ready();
    expect(fake.windows[0]!.loaded).toBe('http://127.0.0.1:5173/');
  });

  it('answers app:info with the version, from our origin only', async () => {
    const fake = fakeElectron({ isPackaged: true });
    startApp(fake.electron, options);
    await fake.ready();
    const invoke = fake.handlers.get('app:info')!;
    expect(
      await invoke({ senderFrame: { url: 'app://bordereau/index.html', parent: null } }, undefined),
    ).toEqual({
      ok: true,
      value: { version: '1.2.3', platform: 'desktop', dataPath: `${fake.appData}/Bordereau` },
    });
    expect(
      await invoke({ senderFrame: { url: 'https://evil.example/', parent: null } }, undefined),
    ).toMatchObject({ ok: false });
  });

  it('prints through a viewer window over a file in userData, from our origin only, in French when refused', async () => {
    const fake = fakeElectron({ isPackaged: true });
    startApp(fake.electron, options);
    await fake.ready();
    const invoke = fake.handlers.get('files:printPdf')!;
    const pdf = new TextEncoder().encode('%PDF-1.7\n');
    const ours = { senderFrame: { url: 'app://bordereau/index.html', parent: null } };

    expect(
      await invoke(
        { senderFrame: { url: 'https://evil.example/', parent: null } },
        {
          title: 'BI-1',
          bytes: pdf,
        },
      ),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await invoke(ours, { title: 'BI-1', bytes: new TextEncoder().encode('<html>') }),
    ).toEqual({
      ok: false,
      error: {
        code: 'invalid-payload',
        message: 'Données invalides pour files:printPdf : le document à imprimer n’est pas un PDF',
      },
    });
    expect(fake.windows).toHaveLength(1);

    expect(await invoke(ours, { title: 'BI-1', bytes: pdf })).toEqual({
      ok: true,
      value: { shownIn: 'viewer' },
    });
    expect(fake.windows).toHaveLength(2);
    const viewer = fake.windows[1]!;
    expect(viewer.options).toMatchObject({
      parent: fake.windows[0],
      webPreferences: { plugins: true, sandbox: true, contextIsolation: true, devTools: false },
    });
    const printDir = join(fake.appData, 'Bordereau', 'impressions');
    const [job] = readdirSync(printDir);
    const file = join(printDir, job!, 'BI-1.pdf');
    expect(viewer.loaded).toBe(pathToFileURL(file).href);
    expect(readFileSync(file, 'latin1')).toBe('%PDF-1.7\n');
    // Hardened like every webContents: a link in the PDF goes to the system browser.
    expect(viewer.webContents.listenerCount('will-navigate')).toBe(1);

    viewer.close();
    await vi.waitFor(() => expect(readdirSync(printDir)).toEqual([]));
  });

  /** An appData whose Bordereau folder holds an IndexedDB store opened by `stamp`. */
  const existingProfile = (stamp: { app: string; electron: string; chrome: string }) => {
    const appData = mkdtempSync(join(tmpdir(), 'bordereau-appdata-'));
    const userData = join(appData, 'Bordereau');
    mkdirSync(join(userData, 'IndexedDB', 'app_bordereau_0.indexeddb.leveldb'), {
      recursive: true,
    });
    writeFileSync(join(userData, 'IndexedDB', 'app_bordereau_0.indexeddb.leveldb', 'CURRENT'), 'x');
    writeFileSync(join(userData, 'versions.json'), JSON.stringify(stamp));
    return { appData, userData };
  };

  it('copies IndexedDB aside on a version change before the first window exists', async () => {
    const { appData, userData } = existingProfile({
      app: '1.0.0',
      electron: '44.0.0',
      chrome: '144.0.0.0',
    });
    const fake = fakeElectron({ isPackaged: true, appData });
    let snapshotsAtFirstWindow: string[] | null = null;
    fake.app.on('web-contents-created', () => {
      snapshotsAtFirstWindow ??= readdirSync(join(userData, 'version-snapshots'));
    });
    startApp(fake.electron, options);
    await fake.ready();
    expect(fake.windows).toHaveLength(1);
    expect(snapshotsAtFirstWindow).toEqual([
      expect.stringMatching(/-app1\.0\.0-chrome144\.0\.0\.0$/),
    ]);
    expect(JSON.parse(readFileSync(join(userData, 'versions.json'), 'utf8'))).toEqual({
      app: '1.2.3',
      ...options.versions,
    });
  });

  it('refuses an older Chromium on a newer store: French dialog, exit, no window', async () => {
    const { appData, userData } = existingProfile({
      app: '2.0.0',
      electron: '47.0.0',
      chrome: '150.0.0.0',
    });
    const fake = fakeElectron({ isPackaged: true, appData });
    startApp(fake.electron, options);
    await fake.ready();
    expect(fake.windows).toHaveLength(0);
    expect(fake.calls).toContain('exit:1');
    expect(fake.errorBoxes).toEqual([
      {
        title: 'Version trop ancienne de Bordereau',
        content: expect.stringMatching(/Réinstallez la version 2\.0\.0/),
      },
    ]);
    expect(existsSync(join(userData, 'version-snapshots'))).toBe(false);
  });

  it('a failed start-up shows a dialog and exits instead of keeping a windowless process', async () => {
    const { appData, userData } = existingProfile({
      app: '1.0.0',
      electron: '44.0.0',
      chrome: '144.0.0.0',
    });
    // The snapshot cannot be made: a file stands where its folder goes.
    writeFileSync(join(userData, 'version-snapshots'), '');
    const fake = fakeElectron({ isPackaged: true, appData });
    startApp(fake.electron, options);
    await fake.ready();
    expect(fake.windows).toHaveLength(0);
    expect(fake.calls).toContain('exit:1');
    expect(fake.errorBoxes[0]?.title).toBe('Bordereau n’a pas pu démarrer');
  });

  it('sets a minimal French menu without DevTools when packaged', async () => {
    const fake = fakeElectron({ isPackaged: true });
    startApp(fake.electron, options);
    await fake.ready();
    expect(fake.calls).toContain('setApplicationMenu');
    expect(JSON.stringify(fake.menus[0]!.template)).not.toContain('toggleDevTools');
    expect(fake.windows[0]!.options).toMatchObject({ webPreferences: { devTools: false } });
  });

  it('a preload error is fatal', async () => {
    const fake = fakeElectron({ isPackaged: true });
    startApp(fake.electron, options);
    await fake.ready();
    fake.windows[0]!.webContents.emit('preload-error', {}, '/x/preload.cjs', new Error('boom'));
    expect(fake.calls).toContain('exit:1');
    expect(fake.errorBoxes[0]?.content).toMatch(/boom/);
  });

  it('a crashed renderer is reloaded when the user asks', async () => {
    const fake = fakeElectron({ isPackaged: true, messageBoxResponse: 0 });
    startApp(fake.electron, options);
    await fake.ready();
    const contents = fake.windows[0]!.webContents;
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.messageBoxes).toHaveLength(1);
    expect(contents.reloads).toBe(1);
  });

  it('a second launch brings the minimised window forward', async () => {
    const fake = fakeElectron({ isPackaged: true });
    startApp(fake.electron, options);
    await fake.ready();
    fake.windows[0]!.minimized = true;
    fake.app.emit('second-instance');
    expect(fake.calls.slice(-2)).toEqual(['window.restore', 'window.focus']);
  });

  it('pops up the spelling menu on a misspelled word', async () => {
    const fake = fakeElectron({ isPackaged: true });
    startApp(fake.electron, options);
    await fake.ready();
    const contents = fake.windows[0]!.webContents;
    contents.emit(
      'context-menu',
      {},
      {
        isEditable: true,
        misspelledWord: 'comutateur',
        dictionarySuggestions: ['commutateur'],
        editFlags: { canCut: true, canCopy: true, canPaste: true, canSelectAll: true },
        selectionText: '',
      },
    );
    const menu = fake.menus.at(-1)!;
    expect(menu.popups).toBe(1);
    expect(JSON.stringify(menu.template)).toContain('commutateur');
  });

  it('keeps Windows data in %LOCALAPPDATA%, not the roaming profile', () => {
    const fake = fakeElectron({ isPackaged: true, appData: 'C:\\Users\\tech\\AppData\\Roaming' });
    startApp(fake.electron, {
      ...options,
      platform: 'win32',
      env: { LOCALAPPDATA: 'C:\\Users\\tech\\AppData\\Local' },
    });
    expect(fake.calls).toContain('setPath:userData:C:\\Users\\tech\\AppData\\Local\\Bordereau');
  });
});
