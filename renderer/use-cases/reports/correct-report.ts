import { z } from 'zod';
import { newReportVersion } from '../../db/repositories/reports';
import type { StoredReport } from '../../db/repositories/reports';
import type { UseCaseDeps } from '../deps';

const correctInputSchema = z.object({
  reportId: z.string().min(1, 'Bordereau introuvable.'),
});

/**
 * A correction of a signed bordereau: never an edit (it is sealed) but a new draft, same
 * number, next version, referencing the sealed one; the visit reopens to be signed again.
 * Asked twice, it returns the draft already open.
 */
export async function correctReport(
  deps: UseCaseDeps,
  input: { readonly reportId: string },
): Promise<StoredReport> {
  const { reportId } = correctInputSchema.parse(input);
  return newReportVersion(deps.db, reportId, deps.clock.now());
}
