import { useLiveQuery } from 'dexie-react-hooks';
import type { DesktopApi, IpcResponse, IpcResult } from '../../../shared/ipc';
import { getDb } from '../../db/database';
import type { BordereauDb } from '../../db/database';
import { listUnfinishedVisits } from '../../db/repositories/visits';
import { readStoredSession } from '../../sync/session';

export type UpdateState = IpcResponse<'checkForUpdates'>;

/** Asks the shell to look for a release on the office server this laptop syncs with. */
export async function checkForUpdates(
  db: BordereauDb,
  desktop: Pick<DesktopApi, 'checkForUpdates'>,
): Promise<IpcResult<UpdateState> | null> {
  const session = await readStoredSession(db);
  if (!session) return null;
  return desktop.checkForUpdates({ serverUrl: session.serverUrl });
}

/**
 * Restarts into the downloaded release, never in the middle of a visit: a visit under way
 * (its timer running on this laptop) makes the shell refuse, and says why.
 */
export async function installUpdate(
  db: BordereauDb,
  desktop: Pick<DesktopApi, 'installUpdate'>,
): Promise<IpcResult<{ installing: true }>> {
  const visitInProgress = (await listUnfinishedVisits(db)).length > 0;
  return desktop.installUpdate({ visitInProgress });
}

export function updateStatusText(state: UpdateState): string {
  switch (state.status) {
    case 'idle':
    case 'checking':
      return 'Recherche de mise à jour…';
    case 'none':
      return 'L’application est à jour.';
    case 'downloading':
      return `Version ${state.version} en cours de téléchargement.`;
    case 'ready':
      return `Version ${state.version} prête à installer.`;
    case 'error':
      return `Recherche de mise à jour impossible : ${state.message ?? 'erreur inconnue'}`;
  }
}

/** Whether a visit is under way on this laptop, live (the install button waits for it). */
export function useVisitUnderWay(): boolean | undefined {
  const db = getDb();
  return useLiveQuery(async () => (await listUnfinishedVisits(db)).length > 0, [db]);
}
