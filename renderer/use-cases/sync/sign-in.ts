import { useSyncExternalStore } from 'react';
import { loginFormSchema, login, logout } from '../../sync/session';
import type { LoginForm } from '../../sync/session';
import { syncStatus } from '../../sync/sync-service';
import type { SyncStatus } from '../../sync/sync-status';
import type { SyncDeps } from './sync-deps';

export { loginFormSchema };
export type { LoginForm, SyncStatus };

/** Connects this laptop to the office server (the token to the shell's storage), then syncs. */
export async function signIn(deps: SyncDeps, values: LoginForm): Promise<void> {
  await login(deps.db, loginFormSchema.parse(values), deps.transport);
  void deps.syncNow();
}

/** Disconnects this laptop; what is stored here stays. */
export async function signOut(deps: SyncDeps): Promise<void> {
  await logout(deps.db, deps.transport);
}

/** The sync service's state (idle, pushing, pulling, last error), live. */
export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(syncStatus.subscribe, syncStatus.get);
}
