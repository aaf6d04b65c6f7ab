import { z } from 'zod';

/**
 * Set by the server on a client a technician created on site (a walk-in, a new customer):
 * who created it and when, and whether the office has validated it yet. Technicians never
 * write it (the server overwrites what they send); the office validates through the admin API.
 */
export const fieldOriginSchema = z.object({
  accountId: z.uuid(),
  accountName: z.string(),
  createdAt: z.number().int().nonnegative(),
  /** Null while the client waits for the office ("créé sur le terrain, à valider"). */
  validatedAt: z.number().int().nonnegative().nullable(),
});
export type FieldOrigin = z.infer<typeof fieldOriginSchema>;

/** The field origin of a client record's data, or null for a client the office created. */
export function fieldOriginOf(
  data: Record<string, unknown> | null | undefined,
): FieldOrigin | null {
  const parsed = fieldOriginSchema.safeParse(data?.['fieldOrigin']);
  return parsed.success ? parsed.data : null;
}

/** A client created on site that the office has not validated yet. */
export function isPendingFieldClient(data: Record<string, unknown> | null | undefined): boolean {
  const origin = fieldOriginOf(data);
  return origin !== null && origin.validatedAt === null;
}

export const FIELD_CLIENT_PENDING_LABEL = 'Créé sur le terrain, à valider';
