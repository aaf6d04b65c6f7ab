import { z } from 'zod';
import { visitHeaderSchema, visitWorkSchema } from '../../../shared/visit/visit-record';
import type {
  VisitHeaderInput,
  VisitRecord,
  VisitWorkInput,
} from '../../../shared/visit/visit-record';
import { updateVisitHeader, updateVisitWork } from '../../db/repositories/visits';
import type { UseCaseDeps } from '../deps';

const visitIdSchema = z.string().min(1, 'Intervention introuvable.');

/**
 * Saves what was done (the work record), merged over what is stored and validated as a
 * whole by the shared schema; a signed visit refuses it (SignedVisitError).
 */
export async function saveWork(
  deps: UseCaseDeps,
  input: { readonly visitId: string; readonly work: Partial<VisitWorkInput> },
): Promise<VisitRecord> {
  const visitId = visitIdSchema.parse(input.visitId);
  // Each part given is checked now, so a refused field is named before any write.
  visitWorkSchema.partial().parse(input.work);
  return updateVisitWork(deps.db, visitId, input.work, deps.clock.now());
}

/** Saves the visit's header (mode, type, request, representative…). */
export async function saveHeader(
  deps: UseCaseDeps,
  input: { readonly visitId: string; readonly header: VisitHeaderInput },
): Promise<VisitRecord> {
  const visitId = visitIdSchema.parse(input.visitId);
  return updateVisitHeader(
    deps.db,
    visitId,
    visitHeaderSchema.parse(input.header),
    deps.clock.now(),
  );
}
