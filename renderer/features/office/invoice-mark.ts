import type { SyncedRecord } from '../../../shared/inventory/record';
import { updateRecord } from '../../db/changes';
import type { BordereauDb } from '../../db/database';

/**
 * Marks an intervention as invoiced. The mark goes on the visit record, not on the
 * bordereau: a signed bordereau is sealed and never changes. It syncs like any edit, so
 * every office laptop sees it.
 */
export async function markInvoiced(
  db: BordereauDb,
  interventionId: string,
  now: number = Date.now(),
): Promise<void> {
  await updateRecord(
    db,
    'interventions',
    interventionId,
    { invoicedAt: now } as Partial<SyncedRecord>,
    { now },
  );
}

export async function unmarkInvoiced(
  db: BordereauDb,
  interventionId: string,
  now: number = Date.now(),
): Promise<void> {
  await updateRecord(
    db,
    'interventions',
    interventionId,
    { invoicedAt: null } as Partial<SyncedRecord>,
    { now },
  );
}
