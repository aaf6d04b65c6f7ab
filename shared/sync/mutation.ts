import { z } from 'zod';

/**
 * The unit of sync: one local change, recorded in the device's outbox in the same
 * transaction as the change itself, and pushed to the office server in order.
 *
 * `mutationId` is sequential per device (1, 2, 3, …): the server keeps the last applied
 * id per device and applies each mutation exactly once, in order.
 */
export const ENTITY_NAMES = [
  'clients',
  'sites',
  'contacts',
  'contracts',
  'equipment',
  'subscriptions',
  'catalogueItems',
  'interventions',
  'reports',
  'attachments',
  /** Requests (demandes d'intervention): the office's, or a technician's on site. */
  'requests',
  /** Planned jobs: the office owns the assignment, the technician the work (job-merge.ts). */
  'jobs',
  /** Written by the server when a stale edit overlaps another one; the user resolves it in the app. */
  'syncConflicts',
] as const;
export const entityNameSchema = z.enum(ENTITY_NAMES);
export type EntityName = z.infer<typeof entityNameSchema>;

export const mutationSchema = z.object({
  mutationId: z.number().int().positive(),
  entity: entityNameSchema,
  /** UUIDv7 generated on the device, so ids never collide between laptops. */
  recordId: z.uuid(),
  op: z.enum(['upsert', 'delete']),
  /** The server revision the edit was based on; null when the record is new on this device. */
  baseRevision: z.number().int().nonnegative().nullable(),
  /** For an upsert: the fields this change sets (the whole record on creation). Empty for a delete. */
  changes: z.record(z.string(), z.unknown()),
  /** Device clock, ms since the epoch (checked against drift by the server). */
  at: z.number().int().nonnegative(),
});
export type Mutation = z.infer<typeof mutationSchema>;
