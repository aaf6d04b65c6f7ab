import type { IpcHandlers } from './ipc-main';
import { updateFeedUrl } from '../shared/updates';
import { compareVersions } from './version-guard';

/**
 * The part of electron-updater's autoUpdater the shell uses; injected (main.ts passes the
 * real one) so tests run without Electron, which electron-updater loads on first use.
 */
export type Updater = {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  setFeedURL(options: { provider: 'generic'; url: string; channel?: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'update-not-available', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
};

export type UpdateState =
  | { status: 'idle' | 'checking' | 'none'; version: null; message: null }
  | { status: 'downloading' | 'ready'; version: string; message: null }
  | { status: 'error'; version: null; message: string };

/**
 * Settings that make updates safe for technicians at a client's:
 * - downloaded in the background, installed only when the user asks, never on quit (a
 *   laptop closed in the middle of a visit must reopen on the same version);
 * - never a downgrade, never a pre-release (a downgrade would wipe IndexedDB);
 */
export function configureUpdater(updater: Updater): void {
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false;
  updater.allowDowngrade = false;
  updater.allowPrerelease = false;
}

const idle: UpdateState = { status: 'idle', version: null, message: null };

/**
 * The update channel is the office server the technician logs in to (generic provider: the
 * server hosts the release files, server/routes/updates.ts); the renderer names it, main
 * checks it: https only when packaged, like the CSP.
 */
export function updateHandlers(deps: {
  updater: Updater | null;
  isPackaged: boolean;
  currentVersion: string;
}): Pick<IpcHandlers, 'checkForUpdates' | 'installUpdate'> {
  let state: UpdateState = idle;
  let feed: string | null = null;
  const { updater } = deps;
  if (updater) {
    configureUpdater(updater);
    updater.on('update-available', (info) => {
      // Belt and braces: allowDowngrade is off, and an equal or older version is ignored.
      if (compareVersions(info.version, deps.currentVersion) <= 0) return;
      state = { status: 'downloading', version: info.version, message: null };
    });
    updater.on('update-downloaded', (info) => {
      if (compareVersions(info.version, deps.currentVersion) <= 0) return;
      state = { status: 'ready', version: info.version, message: null };
    });
    updater.on('update-not-available', () => {
      if (state.status !== 'ready') state = { status: 'none', version: null, message: null };
    });
    updater.on('error', (error) => {
      if (state.status !== 'ready')
        state = { status: 'error', version: null, message: error.message };
    });
  }

  return {
    async checkForUpdates({ serverUrl }) {
      if (!updater || !deps.isPackaged) {
        return {
          ok: false,
          error: {
            code: 'unavailable',
            message: 'Les mises à jour ne concernent que l’application installée.',
          },
        };
      }
      if (!serverUrl.startsWith('https://')) {
        return {
          ok: false,
          error: {
            code: 'forbidden',
            message: 'Les mises à jour ne se téléchargent que depuis un serveur en https://.',
          },
        };
      }
      const url = updateFeedUrl(serverUrl);
      if (url !== feed) {
        updater.setFeedURL({ provider: 'generic', url });
        feed = url;
      }
      if (state.status === 'ready' || state.status === 'downloading')
        return { ok: true, value: state };
      state = { status: 'checking', version: null, message: null };
      try {
        await updater.checkForUpdates();
      } catch (error) {
        state = {
          status: 'error',
          version: null,
          message: error instanceof Error ? error.message : String(error),
        };
      }
      // No event said otherwise (an offer that was not newer): nothing to install.
      if (state.status === 'checking') state = { status: 'none', version: null, message: null };
      return { ok: true, value: state };
    },

    async installUpdate({ visitInProgress }) {
      if (visitInProgress) {
        return {
          ok: false,
          error: {
            code: 'forbidden',
            message:
              'Une intervention est en cours : terminez-la avant d’installer la mise à jour.',
          },
        };
      }
      if (!updater || state.status !== 'ready') {
        return {
          ok: false,
          error: { code: 'not-found', message: 'Aucune mise à jour n’est prête à installer.' },
        };
      }
      // Not silent (the Windows installer shows its progress), and the app restarts after.
      updater.quitAndInstall(false, true);
      return { ok: true, value: { installing: true } };
    },
  };
}
