import { z } from 'zod';
import { accountSchema, roleSchema } from '../sync/protocol';

/**
 * The office administration API (server/routes/admin.ts, server/admin/*): request and reply
 * shapes, checked on both sides with these schemas.
 */

/** One install of the app that has synced for an account. */
export const deviceSummarySchema = z.object({
  deviceId: z.uuid(),
  /** The last push it made (every sync cycle pushes when it has changes). */
  lastPushAt: z.number().int().nullable(),
});
export type DeviceSummary = z.infer<typeof deviceSummarySchema>;

export const accountSummarySchema = accountSchema.extend({
  disabled: z.boolean(),
  createdAt: z.number().int(),
  devices: z.array(deviceSummarySchema),
  /** Clients assigned to the account (technicians). */
  clientIds: z.array(z.uuid()),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const accountListSchema = z.object({ accounts: z.array(accountSummarySchema) });

export const updateAccountRequestSchema = z
  .object({
    name: z.string().trim().min(1, 'Le nom est obligatoire.').max(200).optional(),
    role: roleSchema.optional(),
  })
  .refine((v) => v.name !== undefined || v.role !== undefined, 'Rien à modifier.');
export type UpdateAccountRequest = z.infer<typeof updateAccountRequestSchema>;

export const resetPasswordRequestSchema = z.object({
  password: z.string().min(12, 'Le mot de passe doit compter au moins 12 caractères.').max(1024),
});

/** Several clients given to (or taken from) several technicians at once. */
export const bulkAssignmentRequestSchema = z.object({
  accountIds: z.array(z.uuid()).min(1, 'Choisissez au moins un technicien.').max(100),
  clientIds: z.array(z.uuid()).min(1, 'Choisissez au moins un client.').max(1000),
  assigned: z.boolean(),
});
export type BulkAssignmentRequest = z.infer<typeof bulkAssignmentRequestSchema>;

/** A client created on site waiting for the office. */
export const fieldClientSchema = z.object({
  clientId: z.uuid(),
  name: z.string(),
  siret: z.string(),
  city: z.string(),
  createdBy: z.object({ accountId: z.uuid(), accountName: z.string() }),
  createdAt: z.number().int(),
  /** Technicians it is assigned to. */
  assignedTo: z.array(z.uuid()),
  /** Records filed under it (sites, equipment, visits, reports…). */
  records: z.number().int().nonnegative(),
  /** Existing clients with the same SIRET or name: merge candidates. */
  duplicates: z.array(z.object({ clientId: z.uuid(), name: z.string(), siret: z.string() })),
});
export type FieldClient = z.infer<typeof fieldClientSchema>;

export const fieldClientListSchema = z.object({ clients: z.array(fieldClientSchema) });

export const mergeClientsRequestSchema = z
  .object({
    /** The client that disappears (usually the one created on site). */
    sourceClientId: z.uuid(),
    /** The client that stays and receives everything. */
    targetClientId: z.uuid(),
  })
  .refine(
    (v) => v.sourceClientId !== v.targetClientId,
    'Un client ne peut pas être fusionné avec lui-même.',
  );
export type MergeClientsRequest = z.infer<typeof mergeClientsRequestSchema>;

export const mergeClientsResponseSchema = z.object({
  moved: z.number().int().nonnegative(),
  sealedMoved: z.number().int().nonnegative(),
  reassigned: z.number().int().nonnegative(),
});
export type MergeClientsResponse = z.infer<typeof mergeClientsResponseSchema>;
