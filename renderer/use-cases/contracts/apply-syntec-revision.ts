import { contractSchema } from '../../../shared/billing/contract';
import type { Contract } from '../../../shared/billing/contract';
import { applySyntecRevision } from '../../../shared/billing/syntec';
import { syntecRevisionInputSchema } from '../../../shared/billing/syntec-due';
import { getDb } from '../../db/database';
import type { BordereauDb } from '../../db/database';
import { clock } from '../../platform/clock';
import { saveContract } from '../../db/repositories/contracts';

export interface ApplySyntecRevisionDeps {
  readonly db: BordereauDb;
  /** The device clock (ms). */
  readonly now: () => number;
}

/** The app's own: its database and the device clock. */
export function appSyntecDeps(): ApplySyntecRevisionDeps {
  return { db: getDb(), now: () => clock.now() };
}

/**
 * The office applies a SYNTEC revision to a contract (002 art. IV.2.3, 003 art. 2.2, 004
 * art. XI): the input is validated, the new price computed by the shared engine with the
 * contract's base and rounding, and the contract saved with its history grown by one entry
 * through the ordinary write path, so it syncs like any contract edit. Throws a French
 * message (zod or SyntecError) and writes nothing when the revision cannot be applied.
 */
export async function applySyntecRevisionToContract(
  deps: ApplySyntecRevisionDeps,
  input: unknown,
): Promise<Contract> {
  const revision = syntecRevisionInputSchema.parse(input);
  const stored = await deps.db.contracts.get(revision.contractId);
  if (!stored) throw new Error('Contrat introuvable sur ce poste : synchronisez.');
  const revised = applySyntecRevision(contractSchema.parse(stored), revision);
  const saved = await saveContract(deps.db, revised, { now: deps.now() });
  return contractSchema.parse(saved);
}
