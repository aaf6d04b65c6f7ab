import { timeRangeSchema } from '../calendar/weekly-schedule';
import type { TimeRange } from '../calendar/weekly-schedule';

/** "09:00-12:30, 14:00-18:00" for a day's ranges; "" when closed. */
export function formatDayRanges(ranges: readonly TimeRange[]): string {
  return ranges.map((r) => `${r.from}-${r.to}`).join(', ');
}

/**
 * A day's opening ranges as typed in the site form ("9h-12h30, 14:00-18:00", "fermé" or
 * empty for closed). Returns a French message when it cannot be read.
 */
export function parseDayRanges(
  text: string,
): { ok: true; ranges: TimeRange[] } | { ok: false; message: string } {
  const value = text.trim().toLowerCase();
  if (value === '' || value === 'fermé' || value === 'ferme') return { ok: true, ranges: [] };
  const ranges: TimeRange[] = [];
  for (const part of value.split(/[,;]/)) {
    const match =
      /^\s*(\d{1,2})\s*[:h]?\s*(\d{2})?\s*[-–à]\s*(\d{1,2})\s*[:h]?\s*(\d{2})?\s*$/.exec(part);
    if (!match)
      return { ok: false, message: `Plage « ${part.trim()} » illisible (ex. 09:00-12:30).` };
    const clock = (h: string, m: string | undefined) => `${h.padStart(2, '0')}:${m ?? '00'}`;
    const parsed = timeRangeSchema.safeParse({
      from: clock(match[1]!, match[2]),
      to: clock(match[3]!, match[4]),
    });
    if (!parsed.success)
      return { ok: false, message: parsed.error.issues[0]?.message ?? 'Plage invalide.' };
    ranges.push(parsed.data);
  }
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i - 1]!.to > ranges[i]!.from)
      return { ok: false, message: 'Les plages doivent se suivre sans se chevaucher.' };
  }
  return { ok: true, ranges };
}
