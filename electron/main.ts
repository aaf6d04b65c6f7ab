import { join } from 'node:path';
import * as electron from 'electron';
import { autoUpdater } from 'electron-updater';
import { startApp } from './app';

// Bundled to dist/electron/main.cjs; the renderer is built to dist/renderer.
startApp(electron, {
  bundleDir: __dirname,
  rendererDir: join(__dirname, '..', 'renderer'),
  devServerUrl: process.env.BORDEREAU_DEV_SERVER_URL,
  updater: autoUpdater,
});
