import type { ShellState } from './shell-state';

/**
 * Whether the offline cache (the browser build's service worker) is registered: in a plain
 * browser serving the production build, only. Never in the desktop shell, which reads the app
 * from disk through app:// (a scheme without service workers, and nothing to cache), nor when
 * the shell's API is missing, nor under Vite's dev server (its modules change at every edit).
 */
export function shouldRegisterServiceWorker(env: {
  shell: ShellState;
  production: boolean;
  supported: boolean;
}): boolean {
  return env.shell === 'browser' && env.production && env.supported;
}
