import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import type { BordereauDb } from '../../db/database';
import { getProvider, getTechnicianProfile } from '../../db/repositories/profile';
import { readStoredSession } from '../../sync/session';
import type { UseCaseDeps } from '../deps';

/** settings key: the user closed the guide. */
const DISMISSED_KEY = 'onboarding.dismissed';

/** What the first-run guide needs to know: closed, identity entered, server connected. */
export interface FirstRunState {
  readonly dismissed: boolean;
  /** The company's identity and the technician's profile are both entered. */
  readonly identity: boolean;
  /** This laptop is logged in to the office server. */
  readonly server: boolean;
}

export async function loadFirstRunState(db: BordereauDb): Promise<FirstRunState> {
  const [dismissed, provider, profile, session] = await Promise.all([
    db.settings.get(DISMISSED_KEY),
    getProvider(db),
    getTechnicianProfile(db),
    readStoredSession(db),
  ]);
  return {
    dismissed: dismissed?.value === true,
    identity: provider !== null && profile !== null,
    server: Boolean(session?.account),
  };
}

/** The first-run state, live (undefined while loading). */
export function useFirstRunState(): FirstRunState | undefined {
  const db = getDb();
  return useLiveQuery(() => loadFirstRunState(db), [db]);
}

/** The user closed the guide: it stays closed on this laptop. */
export async function dismissFirstRunGuide(deps: Pick<UseCaseDeps, 'db'>): Promise<void> {
  await deps.db.settings.put({ key: DISMISSED_KEY, value: true });
}
