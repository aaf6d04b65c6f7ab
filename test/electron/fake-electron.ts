import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElectronModule } from '../../electron/app';

/** A recording stand-in for the electron module: the shell's wiring is tested without the binary. */
export function fakeElectron(options: {
  isPackaged: boolean;
  gotLock?: boolean;
  /** A real folder for tests that let the shell touch userData (version guard, backups). */
  appData?: string;
  version?: string;
  /** The button the next showMessageBox answers with. */
  messageBoxResponse?: number;
}) {
  const calls: string[] = [];
  const paths: Record<string, string> = {
    // A fresh folder by default: the shell writes its version stamp under userData at start.
    appData: options.appData ?? mkdtempSync(join(tmpdir(), 'bordereau-appdata-')),
    documents: '/home/tech/Documents',
  };
  const errorBoxes: { title: string; content: string }[] = [];
  const messageBoxes: { message: string; buttons?: string[] }[] = [];
  const menus: { template: unknown[]; popups: number }[] = [];
  const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  const windows: FakeWindow[] = [];
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  class FakeContents extends EventEmitter {
    reloads = 0;
    replaced: string[] = [];
    session = {
      addWordToSpellCheckerDictionary: (word: string) => calls.push(`addWord:${word}`),
    };
    reload() {
      this.reloads++;
    }
    replaceMisspelling(word: string) {
      this.replaced.push(word);
    }
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
    minimized = false;
    show() {}
    focus() {
      calls.push('window.focus');
    }
    restore() {
      calls.push('window.restore');
      this.minimized = false;
    }
    isMinimized() {
      return this.minimized;
    }
    destroyed = false;
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
      this.emit('closed');
    }
    /** The user closing the window. */
    close() {
      this.emit('closed');
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
    exit: (code: number) => calls.push(`exit:${code}`),
    whenReady: () => ready,
    getVersion: () => options.version ?? '1.2.3',
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
    dialog: {
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      showErrorBox: (title: string, content: string) => errorBoxes.push({ title, content }),
      showMessageBox: async (...args: unknown[]) => {
        const box = args[args.length - 1] as { message: string; buttons?: string[] };
        messageBoxes.push(box);
        return { response: options.messageBoxResponse ?? 0, checkboxChecked: false };
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => {
        const menu = { template, popups: 0, popup: () => void menu.popups++ };
        menus.push(menu);
        return menu;
      },
      setApplicationMenu: () => calls.push('setApplicationMenu'),
    },
    shell: {
      openExternal: async (url: string) => void calls.push(`openExternal:${url}`),
      openPath: async () => '',
    },
    safeStorage: {
      isAsyncEncryptionAvailable: async () => false,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptStringAsync: async (v: string) => Buffer.from(v),
      decryptStringAsync: async (b: Buffer) => ({ result: b.toString(), shouldReEncrypt: false }),
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
    errorBoxes,
    messageBoxes,
    menus,
    appData: paths.appData!,
    /** Emits ready, then waits until the start-up settles: a window opened, or an exit. */
    ready: async () => {
      resolveReady();
      await ready;
      for (let i = 0; i < 200; i++) {
        if (windows.length > 0 || calls.some((c) => c.startsWith('exit:'))) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}
