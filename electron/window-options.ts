import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_NAME } from './identity';

/**
 * The security settings every window of the app has, explicitly on, so a test can pin them
 * (the main window and the print viewer). DevTools only in development: in a packaged build
 * anyone at the laptop could otherwise call the page's desktop API from the console.
 */
export function hardenedWebPreferences(options: {
  isPackaged: boolean;
}): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    devTools: !options.isPackaged,
  };
}

/**
 * The one window's options: every security default on, explicitly, so a test can pin them.
 * DevTools exist only in development: in a packaged build anyone at the laptop could
 * otherwise call the page's desktop API from the console.
 */
export function mainWindowOptions(
  preloadPath: string,
  options: { isPackaged: boolean },
): BrowserWindowConstructorOptions {
  return {
    title: APP_NAME,
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#f5f6f8',
    webPreferences: {
      ...hardenedWebPreferences(options),
      preload: preloadPath,
      // French spelling in free-text fields; its suggestions come from the context menu
      // (context-menu.ts).
      spellcheck: true,
    },
  };
}
