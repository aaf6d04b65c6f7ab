import { contractSchema } from '../../../shared/billing/contract';
import { putRecord } from '../changes';
import type { WriteOptions } from '../changes';
import type { BordereauDb, StoredContract } from '../database';
import { newRecordMeta } from './new-record';

/**
 * Saves a client's contract, validated by the billing engine's own schema (one contract
 * schema in the product: shared/billing/contract.ts).
 */
export async function saveContract(
  db: BordereauDb,
  input: unknown,
  options: WriteOptions = {},
): Promise<StoredContract> {
  const now = options.now ?? Date.now();
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const meta = typeof raw.id === 'string' ? null : newRecordMeta(now);
  const contract = contractSchema.parse({ ...raw, ...(meta ? { id: meta.id } : {}) });
  const existing = await db.contracts.get(contract.id);
  const record: StoredContract = {
    ...contract,
    revision: existing?.revision ?? null,
    updatedAt: now,
  };
  return putRecord(db, 'contracts', record, { ...options, now });
}

export async function listContracts(db: BordereauDb, clientId: string): Promise<StoredContract[]> {
  return db.contracts.where('clientId').equals(clientId).toArray();
}
