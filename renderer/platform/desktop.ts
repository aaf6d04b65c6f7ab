import type { DesktopApi, IpcResult } from '../../shared/ipc';
import { webDesktop } from './desktop.web';
import { detectShell, missingShellApi, type ShellState } from './shell-state';

declare global {
  interface Window {
    /** Exposed by electron/preload.ts; absent in a plain browser. */
    desktop?: DesktopApi;
  }
}

const inWindow = typeof window !== 'undefined';

/** desktop, browser, or missing (served by the shell without its API: fatal). */
export const shellState: ShellState = inWindow
  ? detectShell(window.location?.protocol, window.desktop)
  : 'browser';

/**
 * The renderer's only door to the desktop shell. In Electron it is the preload's bridge; in
 * a plain browser (`npm run web`, the e2e tests) the same calls fall back to browser
 * behaviour, so every screen runs unchanged in both. Under app:// without the bridge, every
 * call fails (and main.tsx shows the fatal screen instead of the app).
 */
export const desktop: DesktopApi =
  shellState === 'desktop' && window.desktop
    ? window.desktop
    : shellState === 'missing'
      ? missingShellApi()
      : webDesktop;

export const isDesktopShell = shellState === 'desktop';

/** Unwraps a result, throwing its French message: for call sites that show errors through a boundary. */
export function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new Error(result.error.message);
}
