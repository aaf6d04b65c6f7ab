import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { startApp } from '../../electron/app';
import { IPC_CHANNELS } from '../../shared/ipc';
import { fakeElectron } from './fake-electron';

const options = {
  bundleDir: '/opt/Bordereau/resources/app.asar/dist/electron',
  rendererDir: '/opt/renderer',
  devServerUrl: 'http://127.0.0.1:5173/',
};

describe('startApp', () => {
  it('fixes the name and userData folder, takes the lock and registers the scheme before ready', () => {
    const fake = fakeElectron({ isPackaged: true });
    startApp(fake.electron, options);
    expect(fake.calls.slice(0, 5)).toEqual([
      'setName:Bordereau',
      'appendSwitch:lang:fr-FR',
      'setPath:userData:/home/tech/.config/Bordereau',
      'requestSingleInstanceLock',
      'registerSchemesAsPrivileged:[{"scheme":"app","privileges":{"standard":true,"secure":true,"supportFetchAPI":true,"corsEnabled":false,"stream":true}}]',
    ]);
    expect(fake.windows).toHaveLength(0);
  });

  it('keeps development data apart from real data', () => {
    const fake = fakeElectron({ isPackaged: false });
    startApp(fake.electron, options);
    expect(fake.calls).toContain('setPath:userData:/home/tech/.config/Bordereau-dev');
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
      value: { version: '1.2.3', platform: 'desktop', dataPath: '/home/tech/.config/Bordereau' },
    });
    expect(
      await invoke({ senderFrame: { url: 'https://evil.example/', parent: null } }, undefined),
    ).toMatchObject({ ok: false });
  });
});
