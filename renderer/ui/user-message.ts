import { ZodError } from 'zod';
import { isQuotaExceeded } from '../platform/quota-exceeded';

/**
 * Any error a use case throws, as the French sentence a screen shows: the first problem of a
 * refused input (zod's messages are written in French in the shared schemas), a full disk in
 * plain words, an error's own message (use cases throw French messages), or the screen's
 * fallback for anything without one. One place, so every screen says the same thing for the
 * same failure.
 */
export function userMessage(error: unknown, fallback = 'Action impossible.'): string {
  if (error instanceof ZodError) return error.issues[0]?.message ?? fallback;
  if (isQuotaExceeded(error)) return DISK_FULL_TEXT;
  if (error instanceof Error && error.message.trim() !== '') return error.message;
  if (typeof error === 'string' && error.trim() !== '') return error;
  return fallback;
}

const DISK_FULL_TEXT =
  'Disque plein : rien n’a été enregistré. Libérez de l’espace sur cet ordinateur, puis recommencez.';
