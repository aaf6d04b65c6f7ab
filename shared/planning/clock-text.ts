/** "HH:MM" of minutes since midnight (the inverse of calendar's clockMinutes). */
export function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
