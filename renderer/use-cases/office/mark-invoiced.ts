import { z } from 'zod';
import type { SyncedRecord } from '../../../shared/inventory/record';
import { updateRecord } from '../../db/changes';
import type { UseCaseDeps } from '../deps';

const invoiceMarkSchema = z.object({
  interventionId: z.string().min(1, 'Intervention introuvable.'),
});

/**
 * Marks an intervention as invoiced, at the clock's time. The mark goes on the visit record,
 * not on the bordereau: a signed bordereau is sealed and never changes. It syncs like any
 * edit, so every office laptop sees it.
 */
export async function markInvoiced(
  deps: UseCaseDeps,
  input: { readonly interventionId: string },
): Promise<void> {
  await setInvoicedAt(deps, input, deps.clock.now());
}

/** Takes the mark back (invoiced by mistake). */
export async function unmarkInvoiced(
  deps: UseCaseDeps,
  input: { readonly interventionId: string },
): Promise<void> {
  await setInvoicedAt(deps, input, null);
}

async function setInvoicedAt(
  deps: UseCaseDeps,
  input: { readonly interventionId: string },
  invoicedAt: number | null,
): Promise<void> {
  const { interventionId } = invoiceMarkSchema.parse(input);
  const now = deps.clock.now();
  await updateRecord(
    deps.db,
    'interventions',
    interventionId,
    // invoicedAt is an office field the visit's schema does not declare: it rides along.
    { invoicedAt } as Partial<SyncedRecord>,
    { now },
  );
}
