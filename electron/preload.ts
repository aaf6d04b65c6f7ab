import { contextBridge, ipcRenderer } from 'electron';
import { createDesktopApi } from './preload-api';

// Sandboxed preloads cannot load chunks or ESM: this file is bundled as one CommonJS file.
contextBridge.exposeInMainWorld('desktop', createDesktopApi(ipcRenderer));
