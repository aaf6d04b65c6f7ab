import { formatDistanceStrict } from 'date-fns';
import { fr } from 'date-fns/locale';

/** A change left unsent longer than this is shown as a warning: a stuck sync must not stay silent. */
export const STUCK_AFTER_MS = 24 * 60 * 60 * 1000;

/** "3 heures", "2 jours": how long ago, in French. */
export function ageLabel(since: number, now: number): string {
  return formatDistanceStrict(since, Math.max(since, now), { locale: fr });
}

export function isStuck(oldestUnsentAt: number | null, now: number): boolean {
  return oldestUnsentAt !== null && now - oldestUnsentAt > STUCK_AFTER_MS;
}

/** A conflicting value as a person reads it. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '(supprimé)';
  if (typeof value === 'string') return value === '' ? '(vide)' : value;
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
