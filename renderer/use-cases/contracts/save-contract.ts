import { saveContract as storeContract } from '../../db/repositories/contracts';
import type { StoredContract } from '../../db/database';
import type { UseCaseDeps } from '../deps';

/**
 * Saves a client's contract (new or edited), validated by the billing engine's own schema in
 * the repository, at the clock's time; it syncs like any record.
 */
export async function saveContract(deps: UseCaseDeps, contract: unknown): Promise<StoredContract> {
  return storeContract(deps.db, contract, { now: deps.clock.now() });
}
