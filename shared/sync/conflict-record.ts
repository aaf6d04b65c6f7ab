import { z } from 'zod';
import { entityNameSchema } from './mutation';
import { conflictFieldSchema } from './protocol';

/**
 * A `syncConflicts` record, written by the server when a stale edit overlaps another one
 * (server/sync/apply-mutation.ts) and pulled like any record. Devices may only resolve it:
 * `CONFLICT_RESOLUTION_FIELDS` are the only fields an upsert from a device may set.
 */
const ms = z.number().int().nonnegative();

export const syncConflictDataSchema = z.object({
  clientId: z.uuid(),
  entity: entityNameSchema,
  recordId: z.uuid(),
  kind: z.enum(['edit', 'deleteVsEdit', 'editVsDelete']),
  fields: z.array(conflictFieldSchema),
  baseRevision: z.number().int().nonnegative().nullable(),
  serverRevision: z.number().int().nonnegative(),
  deviceId: z.uuid(),
  accountId: z.uuid(),
  accountName: z.string(),
  mutationId: z.number().int().positive(),
  editedAt: ms,
  detectedAt: ms,
  resolved: z.boolean(),
  /** Per field, which side the user kept. */
  resolution: z.record(z.string(), z.enum(['mine', 'theirs'])).optional(),
  resolvedAt: ms.optional(),
});
export type SyncConflictData = z.infer<typeof syncConflictDataSchema>;

export const CONFLICT_RESOLUTION_FIELDS: ReadonlySet<string> = new Set([
  'resolved',
  'resolution',
  'resolvedAt',
]);
