import { z } from 'zod';
import { visitHeaderSchema } from './visit-record';

/**
 * What starting a visit takes, from the "Démarrer une intervention" form or (later) a
 * planned job: where, under which contract, the header, the equipment picked beforehand.
 */
export const newVisitInputSchema = z.object({
  clientId: z.uuid({ error: 'Choisissez le client.' }),
  siteId: z.uuid({ error: 'Choisissez le site.' }),
  contractId: z.string({ error: 'Choisissez le contrat.' }).min(1, 'Choisissez le contrat.'),
  header: visitHeaderSchema,
  equipmentIds: z.array(z.uuid()).max(1_000).default([]),
  /** The planned job the visit is started from (renderer/use-cases/today). */
  jobId: z.uuid().nullable().optional(),
});
export type NewVisitInput = z.input<typeof newVisitInputSchema>;
