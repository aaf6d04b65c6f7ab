import { NBSP } from './spaces';

function checkMinutes(minutes: number): void {
  if (!Number.isInteger(minutes) || minutes < 0) {
    throw new RangeError(`Durée invalide : ${String(minutes)} (minutes entières ≥ 0 attendues).`);
  }
}

/**
 * A duration the way a French report writes it: "3 h 30", "2 h", "45 min", "0 min",
 * "10 h 05". Spaces are U+00A0 (see spaces.ts) so a duration never wraps across lines.
 */
export function formatDuration(minutes: number): string {
  checkMinutes(minutes);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}${NBSP}min`;
  if (rest === 0) return `${hours}${NBSP}h`;
  return `${hours}${NBSP}h${NBSP}${String(rest).padStart(2, '0')}`;
}
