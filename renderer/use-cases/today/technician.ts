import type { BordereauDb } from '../../db/database';
import { readStoredSession } from '../../sync/session';

/**
 * The account this laptop syncs as: jobs name their technicians by account id. Null before
 * the first login (no job can be on the laptop then).
 */
export async function currentTechnicianId(db: BordereauDb): Promise<string | null> {
  return (await readStoredSession(db))?.account?.id ?? null;
}
