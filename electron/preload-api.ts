import type { IpcRenderer } from 'electron';
import type { DesktopApi, IpcName } from '../shared/ipc';
import { IPC_CHANNELS } from '../shared/ipc-channels';

/**
 * One function per channel of the contract; `ipcRenderer` itself never reaches the page.
 * Built from IPC_CHANNELS so a channel added to the contract is exposed without edits here.
 */
export function createDesktopApi(ipcRenderer: Pick<IpcRenderer, 'invoke'>): DesktopApi {
  const api: Record<string, (payload?: unknown) => Promise<unknown>> = {};
  for (const name of Object.keys(IPC_CHANNELS) as IpcName[]) {
    const channel = IPC_CHANNELS[name];
    api[name] = (payload?: unknown) => ipcRenderer.invoke(channel, payload);
  }
  // The mapped type cannot be built key by key; the loop above covers every key of it.
  return api as unknown as DesktopApi;
}
