import { z } from 'zod';
import { conflictFieldSchema } from '../../shared/sync/protocol';
import { entityNameSchema } from '../../shared/sync/mutation';

/**
 * A conflict as the server records it (a `syncConflicts` record, stored locally in the
 * `conflicts` table): the fields where this device's edit and another one overlap, both
 * values kept until someone decides.
 */
export const conflictRecordSchema = z.object({
  id: z.string(),
  revision: z.number().int().nullable(),
  entity: entityNameSchema,
  recordId: z.string(),
  clientId: z.string().optional(),
  /** edit: both edited; editVsDelete: edited here, deleted elsewhere; deleteVsEdit: the reverse. */
  kind: z.enum(['edit', 'editVsDelete', 'deleteVsEdit']),
  fields: z.array(conflictFieldSchema),
  /** The record's revision on the server when the conflict was found (a tombstone's, for editVsDelete). */
  serverRevision: z.number().int().optional(),
  accountName: z.string().optional(),
  deviceId: z.string().optional(),
  editedAt: z.number().optional(),
  detectedAt: z.number().optional(),
  resolved: z.boolean().default(false),
});
export type ConflictRecord = z.infer<typeof conflictRecordSchema>;

export type FieldChoice = 'mine' | 'theirs';

export const CONFLICT_KIND_LABELS: Record<ConflictRecord['kind'], string> = {
  edit: 'Modifié des deux côtés',
  editVsDelete: 'Modifié ici, supprimé ailleurs',
  deleteVsEdit: 'Supprimé ici, modifié ailleurs',
};

/** Reads the local rows, ignoring any that do not have the expected shape. */
export function parseConflicts(rows: readonly unknown[]): ConflictRecord[] {
  return rows.flatMap((row) => {
    const parsed = conflictRecordSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}
