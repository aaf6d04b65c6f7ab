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
import { PRINT_DIR, printHandlers } from './handlers/print';
import { openPrintViewer } from './print-viewer';
import { appMenuTemplate } from './app-menu';
import { contextMenuTemplate } from './context-menu';
import { contentSecurityPolicy } from './csp';
import {
  failStartup,
  onPreloadError,
  onRenderProcessGone,
  refuseStartup,
  type FailureDeps,
} from './failures';
import { guardStoreVersions, listSnapshots } from './version-guard';
import { updateHandlers, type Updater } from './updates';

/** The parts of the electron module the shell uses; injected so tests run without the binary. */
export type ElectronModule = Pick<
  typeof Electron,
  | 'app'
  | 'BrowserWindow'
  | 'protocol'
  | 'ipcMain'
  | 'dialog'
  | 'shell'
  | 'safeStorage'
  | 'session'
  | 'Menu'
>;

export type StartOptions = {
  /** Folder holding main.cjs and preload.cjs. */
  bundleDir: string;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** Set by `npm run dev`: load the Vite dev server instead of app://. Ignored when packaged. */
  devServerUrl?: string | undefined;
  /** process.versions' electron and chrome; injected by tests, which run under plain Node. */
  versions?: { electron: string; chrome: string };
  /** Injected by tests; process.platform and process.env otherwise. */
  platform?: NodeJS.Platform;
  env?: Record<string, string | undefined>;
  now?: () => number;
  /** electron-updater's autoUpdater (main.ts); null in tests that do not look at updates. */
  updater?: Updater | null;
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
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  app.setPath(
    'userData',
    userDataPath({
      appData: app.getPath('appData'),
      isPackaged: app.isPackaged,
      platform,
      localAppData: env.LOCALAPPDATA,
    }),
  );
  if (platform === 'win32') app.setAppUserModelId(APP_ID);

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
  const failures: FailureDeps = {
    dialog: electron.dialog,
    exit: (code) => app.exit(code),
    log: (message, error) => console.error(message, error ?? ''),
  };

  const createWindow = () => {
    // Its webContents is hardened by the 'web-contents-created' listener below, which fires
    // during this constructor: hardening it here too would open every https link twice.
    const win = new electron.BrowserWindow(
      mainWindowOptions(join(options.bundleDir, 'preload.cjs'), { isPackaged: app.isPackaged }),
    );
    win.once('ready-to-show', () => win.show());
    win.webContents.on('preload-error', (_event, preloadPath, error) =>
      onPreloadError(failures, preloadPath, error),
    );
    win.webContents.on('render-process-gone', (_event, details) => {
      void onRenderProcessGone({ ...failures, quit: () => app.quit() }, win, details);
    });
    win.webContents.on('context-menu', (_event, params) => {
      const template = contextMenuTemplate(params, {
        replaceMisspelling: (word) => win.webContents.replaceMisspelling(word),
        addWordToDictionary: (word) =>
          void win.webContents.session.addWordToSpellCheckerDictionary(word),
      });
      if (template.length > 0) electron.Menu.buildFromTemplate(template).popup({ window: win });
    });
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

  const startWhenReady = async () => {
    await app.whenReady();
    const userData = app.getPath('userData');
    // Before any window, hence before any renderer opens IndexedDB (version-guard.ts).
    const versions = options.versions ?? {
      electron: process.versions.electron ?? 'inconnue',
      chrome: process.versions.chrome ?? 'inconnue',
    };
    const guard = await guardStoreVersions({
      userData,
      current: { app: app.getVersion(), ...versions },
      now: (options.now ?? Date.now)(),
    });
    if (guard.kind === 'refused') {
      refuseStartup(failures, 'Version trop ancienne de Bordereau', guard.message);
      return;
    }
    electron.Menu.setApplicationMenu(
      electron.Menu.buildFromTemplate(appMenuTemplate({ isPackaged: app.isPackaged, platform })),
    );
    electron.protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler(options.rendererDir, { csp: contentSecurityPolicy(app.isPackaged) }),
    );
    restrictPermissions(electron.session.defaultSession, origins);
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
        ...printHandlers({
          dir: join(userData, PRINT_DIR),
          show: (file, title) =>
            openPrintViewer(
              {
                BrowserWindow: electron.BrowserWindow,
                parent: mainWindow,
                isPackaged: app.isPackaged,
              },
              file,
              title,
            ),
        }),
        ...secretHandlers({
          safeStorage: electron.safeStorage,
          file: join(userData, 'secrets.json'),
        }),
        ...backupHandlers({ dir: join(userData, 'backups') }),
        async listVersionSnapshots() {
          return { ok: true, value: await listSnapshots(userData) };
        },
        ...updateHandlers({
          updater: options.updater ?? null,
          isPackaged: app.isPackaged,
          currentVersion: app.getVersion(),
        }),
      },
      origins,
    );
    createWindow();
    app.on('activate', () => {
      if (!mainWindow) createWindow();
    });
  };
  // A rejection here would only warn and leave a windowless process holding the lock.
  void startWhenReady().catch((error: unknown) => failStartup(failures, error));

  return { started: true };
}

export { DEV_ORIGIN };
