import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  IPC_CHANNELS,
  ipcSchemas,
  type IpcName,
  type IpcRequest,
  type IpcResponse,
  type IpcResult,
} from '../shared/ipc';
import { isTrustedUrl } from './origin';

export type IpcHandlers = {
  [N in IpcName]: (request: IpcRequest<N>) => Promise<IpcResult<IpcResponse<N>>>;
};

/** True when the call comes from the top frame of one of our own pages. */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  origins: readonly string[],
): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isTrustedUrl(frame.url, origins);
}

/**
 * Registers every channel of the contract through one wrapper: the sender frame's origin is
 * checked, the payload validated with the shared schema, and failures answered as results.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: IpcHandlers,
  origins: readonly string[],
): void {
  for (const name of Object.keys(IPC_CHANNELS) as IpcName[]) {
    ipcMain.handle(IPC_CHANNELS[name], (event, payload: unknown) =>
      dispatch(name, handlers, origins, event, payload),
    );
  }
}

async function dispatch<N extends IpcName>(
  name: N,
  handlers: IpcHandlers,
  origins: readonly string[],
  event: IpcMainInvokeEvent,
  payload: unknown,
): Promise<IpcResult<IpcResponse<N>>> {
  if (!isTrustedSender(event, origins)) {
    return {
      ok: false,
      error: { code: 'forbidden', message: 'Appel refusé : origine non autorisée.' },
    };
  }
  const parsed = ipcSchemas[name].request.safeParse(payload);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-payload',
        message: `Données invalides pour ${IPC_CHANNELS[name]} : ${parsed.error.issues[0]?.message ?? ''}`,
      },
    };
  }
  try {
    // Indexing the mapped type by a generic name loses the pairing of request and handler.
    const handler = handlers[name] as (request: unknown) => Promise<IpcResult<IpcResponse<N>>>;
    return await handler(parsed.data);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { code: 'io', message: `Erreur de l’application de bureau : ${message}` },
    };
  }
}
