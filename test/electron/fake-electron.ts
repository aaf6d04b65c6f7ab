import { EventEmitter } from 'node:events';
import type { ElectronModule } from '../../electron/app';

/** A recording stand-in for the electron module: the shell's wiring is tested without the binary. */
export function fakeElectron(options: { isPackaged: boolean; gotLock?: boolean }) {
  const calls: string[] = [];
  const paths: Record<string, string> = {
    appData: '/home/tech/.config',
    documents: '/home/tech/Documents',
  };
  const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  const windows: FakeWindow[] = [];
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  class FakeContents extends EventEmitter {
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
  }
  class FakeWindow extends EventEmitter {
    webContents = new FakeContents();
    loaded: string | null = null;
    constructor(public options: unknown) {
      super();
      windows.push(this);
      // Like Electron: every new webContents, a window's own included, is announced on app.
      app.emit('web-contents-created', { preventDefault() {} }, this.webContents);
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    show() {}
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: options.isPackaged,
    setName: (name: string) => calls.push(`setName:${name}`),
    getPath: (name: string) => paths[name] ?? `/tmp/${name}`,
    setPath: (name: string, value: string) => {
      calls.push(`setPath:${name}:${value}`);
      paths[name] = value;
    },
    setAppUserModelId: () => undefined,
    requestSingleInstanceLock: () => {
      calls.push('requestSingleInstanceLock');
      return options.gotLock ?? true;
    },
    quit: () => calls.push('quit'),
    whenReady: () => ready,
    getVersion: () => '1.2.3',
    commandLine: {
      appendSwitch: (name: string, value?: string) =>
        calls.push(`appendSwitch:${name}:${value ?? ''}`),
    },
  });

  const electron = {
    app,
    BrowserWindow: FakeWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) =>
        calls.push(`registerSchemesAsPrivileged:${JSON.stringify(schemes)}`),
      handle: (scheme: string) => calls.push(`protocol.handle:${scheme}`),
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) =>
        handlers.set(channel, handler),
    },
    dialog: { showSaveDialog: async () => ({ canceled: true, filePath: '' }) },
    shell: {
      openExternal: async (url: string) => void calls.push(`openExternal:${url}`),
      openPath: async () => '',
    },
    safeStorage: {
      isEncryptionAvailable: () => false,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (v: string) => Buffer.from(v),
      decryptString: (b: Buffer) => b.toString(),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => calls.push('setPermissionRequestHandler'),
        setPermissionCheckHandler: () => calls.push('setPermissionCheckHandler'),
      },
    },
  };

  return {
    // The fake implements only what the shell calls; the cast is the price of not loading Electron.
    electron: electron as unknown as ElectronModule,
    app,
    calls,
    handlers,
    windows,
    ready: async () => {
      resolveReady();
      await ready;
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}
