import { z } from 'zod';
import type { VisitRecord } from '../../../shared/visit/visit-record';
import { correctTimerEvent } from '../../db/repositories/visits';
import type { UseCaseDeps } from '../deps';

/** What a correction needs; the screen validates its form with the same fields. */
export const correctionInputSchema = z.object({
  visitId: z.string().min(1, 'Intervention introuvable.'),
  target: z.string().min(1, 'Choisissez l’horaire à corriger.'),
  at: z.number({ error: 'Indiquez l’heure corrigée.' }).int().nonnegative(),
  reason: z
    .string()
    .trim()
    .min(1, 'Indiquez la raison de la correction : elle figure sur le bordereau.')
    .max(500, '500 caractères au plus.'),
});

/** A forgotten start/pause/resume/stop fixed: the original stays, the reason is recorded. */
export async function correctTimer(
  deps: UseCaseDeps,
  input: z.input<typeof correctionInputSchema>,
): Promise<VisitRecord> {
  const { visitId, ...correction } = correctionInputSchema.parse(input);
  return correctTimerEvent(deps.db, visitId, correction, deps.clock.now());
}
