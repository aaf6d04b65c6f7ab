import { uuidv7 } from 'uuidv7';
import { newVisitInputSchema } from '../../../shared/visit/new-visit-input';
import type { NewVisitInput } from '../../../shared/visit/new-visit-input';
import type { VisitRecord } from '../../../shared/visit/visit-record';
import { startedVisit } from '../../../shared/visit/visit-transitions';
import { insertVisit } from '../../db/repositories/visits';
import type { UseCaseDeps } from '../deps';

/**
 * "Démarrer l'intervention": the visit is created and its arrival recorded in ONE write (one
 * transaction, one outbox entry), so a crash can never leave a visit created but not
 * started. The input is validated by the shared schema (French messages).
 */
export async function startVisit(deps: UseCaseDeps, input: NewVisitInput): Promise<VisitRecord> {
  const valid = newVisitInputSchema.parse(input);
  const now = deps.clock.now();
  const visit = startedVisit(valid, { id: uuidv7(), now, eventId: uuidv7() });
  return insertVisit(deps.db, visit, now);
}
