import { addLocalDays, parseLocalDate, toLocalDate } from '../../calendar/local-date';
import type { LocalDate } from '../../calendar/local-date';
import type { CellResult } from './values';

/**
 * A warranty duration as GLPI ("36") and spreadsheets ("36 mois", "3 ans", "1 an") write it,
 * in months. Empty gives null.
 */
export function parseWarrantyMonths(cell: string): CellResult<number | null> {
  const value = cell.trim().toLowerCase();
  if (value === '') return { ok: true, value: null };
  const m = /^(\d{1,3})(?:[.,]0+)?\s*(mois|months?|m|ans?|années?|years?|y)?$/.exec(value);
  if (!m)
    return { ok: false, message: `durée « ${cell.trim()} » illisible (en mois, ou « 3 ans »)` };
  const n = Number(m[1]);
  const years = m[2] !== undefined && /^(an|ann|year|y)/.test(m[2]);
  const months = years ? n * 12 : n;
  if (months > 600) return { ok: false, message: `durée « ${cell.trim()} » invraisemblable` };
  return { ok: true, value: months };
}

/**
 * The last day under warranty: the start plus the duration in months, less one day (as
 * GLPI computes its "expire le"). A start on the 31st of a month lands on the last day of
 * the target month.
 */
export function warrantyEndFrom(start: LocalDate, months: number): LocalDate {
  const { year, month, day } = parseLocalDate(start);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const sameDay = toLocalDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, lastDay),
  });
  return addLocalDays(sameDay, -1);
}

/**
 * GLPI writes a location's full path, "Siège > Salle serveur > Baie 2": the first level is
 * the client's site, the rest the room.
 */
export function splitLocationPath(value: string): { first: string; rest: string } | null {
  const parts = value
    .split(/\s+>\s+|\s*>\s*/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length < 2) return null;
  return { first: parts[0]!, rest: parts.slice(1).join(' > ') };
}
