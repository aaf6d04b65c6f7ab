import { useLiveQuery } from 'dexie-react-hooks';
import type { Provider } from '../../../shared/report/model';
import { getDb } from '../../db/database';
import { getProvider, getTechnicianProfile } from '../../db/repositories/profile';
import type { TechnicianProfile } from '../../db/repositories/profile';

export interface SignerIdentity {
  readonly profile: TechnicianProfile | null;
  readonly provider: Provider | null;
}

/** Who issues the bordereau on this laptop (profile, company), live; undefined while loading. */
export function useSignerIdentity(): SignerIdentity | undefined {
  const db = getDb();
  return useLiveQuery(
    async () => ({ profile: await getTechnicianProfile(db), provider: await getProvider(db) }),
    [db],
  );
}
