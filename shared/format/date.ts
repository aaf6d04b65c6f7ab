import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { fr } from 'date-fns/locale';

/** Every date the product prints is read in mainland France, whatever the laptop's zone. */
export const PARIS = 'Europe/Paris';

function paris(ms: number): TZDate {
  if (!Number.isFinite(ms)) throw new RangeError(`Horodatage invalide : ${String(ms)}.`);
  return new TZDate(ms, PARIS);
}

/** "23/11/2026" */
export function formatDate(ms: number): string {
  return format(paris(ms), 'dd/MM/yyyy');
}

/** "14:05" (24 h clock) */
export function formatTime(ms: number): string {
  return format(paris(ms), 'HH:mm');
}

/** "23/11/2026 à 14:05" */
export function formatDateTime(ms: number): string {
  return format(paris(ms), "dd/MM/yyyy 'à' HH:mm");
}

/** "lundi 23 novembre 2026" */
export function formatLongDate(ms: number): string {
  return format(paris(ms), 'EEEE d MMMM yyyy', { locale: fr });
}

/** A calendar date kept as "YYYY-MM-DD" (no time zone) printed as "23/11/2026". */
export function formatLocalDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Date invalide : ${isoDate} (AAAA-MM-JJ attendu).`);
  return `${match[3]}/${match[2]}/${match[1]}`;
}
