import type { DesktopApi, IpcResult } from '../../shared/ipc';
import { webDesktop } from './desktop.web';

declare global {
  interface Window {
    /** Exposed by electron/preload.ts; absent in a plain browser. */
    desktop?: DesktopApi;
  }
}

/**
 * The renderer's only door to the desktop shell. In Electron it is the preload's bridge; in
 * a plain browser (`npm run web`, the e2e tests) the same calls fall back to browser
 * behaviour, so every screen runs unchanged in both.
 */
export const desktop: DesktopApi =
  typeof window !== 'undefined' && window.desktop ? window.desktop : webDesktop;

export const isDesktopShell = typeof window !== 'undefined' && window.desktop !== undefined;

/** Unwraps a result, throwing its French message: for call sites that show errors through a boundary. */
export function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new Error(result.error.message);
}
