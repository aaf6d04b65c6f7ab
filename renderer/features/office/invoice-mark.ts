import type { BordereauDb } from '../../db/database';
import * as invoiceMark from '../../use-cases/office/mark-invoiced';

/**
 * The office screen's calls, kept with their old signature until the office screen passes
 * its dependencies (renderer/use-cases/office/mark-invoiced.ts holds the use case).
 */
export function markInvoiced(
  db: BordereauDb,
  interventionId: string,
  now: number = Date.now(),
): Promise<void> {
  return invoiceMark.markInvoiced({ db, clock: { now: () => now } }, { interventionId });
}

export function unmarkInvoiced(
  db: BordereauDb,
  interventionId: string,
  now: number = Date.now(),
): Promise<void> {
  return invoiceMark.unmarkInvoiced({ db, clock: { now: () => now } }, { interventionId });
}
