import { join } from 'node:path';
import type * as Electron from 'electron';
import { APP_ID, APP_NAME, userDataPath } from './identity';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  DEV_ORIGIN,
  trustedOrigins,
} from './origin';
import { createAppProtocolHandler } from './protocol';
import { hardenWebContents, restrictPermissions } from './security';
import { mainWindowOptions } from './window-options';
import { registerIpcHandlers } from './ipc-main';
import { fileHandlers } from './handlers/files';
import { secretHandlers } from './handlers/secrets';
import { backupHandlers } from './handlers/backups';

/** The parts of the electron module the shell uses; injected so tests run without the binary. */
export type ElectronModule = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'protocol' | 'ipcMain' | 'dialog' | 'shell' | 'safeStorage' | 'session'
>;

export type StartOptions = {
  /** Folder holding main.cjs and preload.cjs. */
  bundleDir: string;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** Set by `npm run dev`: load the Vite dev server instead of app://. Ignored when packaged. */
  devServerUrl?: string | undefined;
};

/**
 * Boots the shell. Order matters: the app name and userData path are fixed and the scheme
 * registered as privileged before `ready`; the single-instance lock is taken before any window.
 */
export function startApp(electron: ElectronModule, options: StartOptions): { started: boolean } {
  const { app } = electron;
  app.setName(APP_NAME);
  // Date and time inputs, spellcheck and built-in messages follow Chromium's locale: French
  // whatever the system language, like the rest of the interface.
  app.commandLine.appendSwitch('lang', 'fr-FR');
  app.setPath('userData', userDataPath(app.getPath('appData'), app.isPackaged));
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { started: false };
  }

  electron.protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES },
  ]);

  const origins = trustedOrigins(app.isPackaged);
  const devUrl = app.isPackaged ? undefined : options.devServerUrl;
  let mainWindow: Electron.BrowserWindow | null = null;

  const createWindow = () => {
    // Its webContents is hardened by the 'web-contents-created' listener below, which fires
    // during this constructor: hardening it here too would open every https link twice.
    const win = new electron.BrowserWindow(
      mainWindowOptions(join(options.bundleDir, 'preload.cjs')),
    );
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      mainWindow = null;
    });
    void win.loadURL(devUrl ?? APP_ENTRY_URL);
    mainWindow = win;
    return win;
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // The one place navigation rules are attached: fires for every webContents, the main
  // window's included, so none escapes them and none gets them twice. Registered before
  // `ready`, hence before any window exists.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, {
      origins,
      openExternal: (url) => void electron.shell.openExternal(url),
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    electron.protocol.handle(APP_SCHEME, createAppProtocolHandler(options.rendererDir));
    restrictPermissions(electron.session.defaultSession, origins);
    const userData = app.getPath('userData');
    registerIpcHandlers(
      electron.ipcMain,
      {
        async appInfo() {
          return {
            ok: true,
            value: { version: app.getVersion(), platform: 'desktop', dataPath: userData },
          };
        },
        ...fileHandlers({
          dialog: electron.dialog,
          shell: electron.shell,
          documentsDir: app.getPath('documents'),
          window: () => mainWindow,
        }),
        ...secretHandlers({
          safeStorage: electron.safeStorage,
          file: join(userData, 'secrets.json'),
        }),
        ...backupHandlers({ dir: join(userData, 'backups') }),
      },
      origins,
    );
    createWindow();
    app.on('activate', () => {
      if (!mainWindow) createWindow();
    });
  });

  return { started: true };
}

export { DEV_ORIGIN };
