import { z } from 'zod';

/**
 * Fields every synced record carries. Ids are UUIDv7 made on the device, so two laptops
 * working offline never collide; `revision` is the server revision the local copy is based
 * on (null until the server has seen the record).
 */
export const syncedFields = {
  id: z.uuid({ error: 'Identifiant invalide.' }),
  revision: z.number().int().nonnegative().nullable(),
  updatedAt: z.number().int().nonnegative(),
};

export const syncedRecordSchema = z.object(syncedFields);
export type SyncedRecord = z.infer<typeof syncedRecordSchema>;

/** Free text trimmed, with a French message when too long. */
export function text(max: number) {
  return z.string().trim().max(max, `${max} caractères au maximum.`);
}

/** A required free text, trimmed. */
export function requiredText(max: number, message: string) {
  return z.string().trim().min(1, message).max(max, `${max} caractères au maximum.`);
}

export const optionalEmail = z.union([z.literal(''), z.email('Adresse e-mail invalide.')]);

/** French phone numbers as people type them: digits, spaces, dots, dashes, a leading +. */
export const optionalPhone = z
  .string()
  .trim()
  .regex(/^$|^\+?[0-9][0-9 .-]{5,19}$/, 'Numéro de téléphone invalide.');
