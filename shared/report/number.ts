import { TZDate } from '@date-fns/tz';
import { z } from 'zod';

/**
 * Report numbers: `BI-<year>-<technician code>-<sequence>`, e.g. `BI-2026-JD-0042`.
 *
 * They must be unique across every laptop without asking the server: each technician has
 * a code no one else holds (2–4 capital letters, assigned by the office) and numbers their
 * own reports, one sequence per calendar year (Paris time). The sequence is printed on at
 * least 4 digits; past 9999 it simply grows ("BI-2026-JD-10000"). Exactly one spelling
 * is valid for a number: "BI-2026-JD-042" and "BI-2026-JD-00042" are rejected, so two
 * strings name the same report if and only if they are equal.
 */

export const REPORT_NUMBER_PREFIX = 'BI';
const SEQUENCE_MIN_DIGITS = 4;
const FIRST_YEAR = 2000;
const LAST_YEAR = 9999;

export const TECHNICIAN_CODE_PATTERN = /^[A-Z]{2,4}$/;
const REPORT_NUMBER_PATTERN = /^BI-(\d{4})-([A-Z]{2,4})-(\d{4,})$/;

export interface ReportNumberParts {
  readonly year: number;
  readonly technicianCode: string;
  readonly sequence: number;
}

export class ReportNumberError extends Error {
  override readonly name = 'ReportNumberError';
}

export function isValidTechnicianCode(code: string): boolean {
  return TECHNICIAN_CODE_PATTERN.test(code);
}

export const technicianCodeSchema = z
  .string()
  .regex(
    TECHNICIAN_CODE_PATTERN,
    'Le code technicien doit compter 2 à 4 lettres majuscules (ex. « JD »).',
  );

function checkParts({ year, technicianCode, sequence }: ReportNumberParts): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new ReportNumberError(`Année invalide pour un numéro de bordereau : ${String(year)}.`);
  }
  if (!isValidTechnicianCode(technicianCode)) {
    throw new ReportNumberError(
      `Code technicien invalide : « ${technicianCode} » (2 à 4 lettres majuscules attendues).`,
    );
  }
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new ReportNumberError(
      `Numéro d’ordre invalide : ${String(sequence)} (entier ≥ 1 attendu).`,
    );
  }
}

export function formatReportNumber(parts: ReportNumberParts): string {
  checkParts(parts);
  const sequence = String(parts.sequence).padStart(SEQUENCE_MIN_DIGITS, '0');
  return `${REPORT_NUMBER_PREFIX}-${parts.year}-${parts.technicianCode}-${sequence}`;
}

/** The parts of a well-formed number, or null (see the module comment for what is well-formed). */
export function parseReportNumber(value: string): ReportNumberParts | null {
  const match = REPORT_NUMBER_PATTERN.exec(value);
  if (!match) return null;
  const parts: ReportNumberParts = {
    year: Number(match[1]),
    technicianCode: match[2] ?? '',
    sequence: Number(match[3]),
  };
  try {
    return formatReportNumber(parts) === value ? parts : null;
  } catch {
    return null;
  }
}

export function isValidReportNumber(value: string): boolean {
  return parseReportNumber(value) !== null;
}

export const reportNumberSchema = z
  .string()
  .refine(isValidReportNumber, 'Numéro de bordereau invalide (format attendu : BI-2026-JD-0042).');

/** The calendar year a report issued at `at` (ms) is numbered in, read in `timeZone`. */
export function reportYear(at: number, timeZone: string): number {
  if (!Number.isFinite(at)) throw new ReportNumberError(`Horodatage invalide : ${String(at)}.`);
  return new TZDate(at, timeZone).getFullYear();
}

/**
 * The next number for a technician and year, given the last sequence that technician used
 * that year (null when none yet: the year starts at 1). The caller reads `lastSequence` from
 * the device's own reports, in the same transaction that stores the new one.
 */
export function nextReportNumber(input: {
  readonly technicianCode: string;
  readonly year: number;
  readonly lastSequence: number | null;
}): string {
  const { lastSequence } = input;
  if (lastSequence !== null && (!Number.isSafeInteger(lastSequence) || lastSequence < 1)) {
    throw new ReportNumberError(`Dernier numéro d’ordre invalide : ${String(lastSequence)}.`);
  }
  return formatReportNumber({
    year: input.year,
    technicianCode: input.technicianCode,
    sequence: (lastSequence ?? 0) + 1,
  });
}

/**
 * The highest sequence among `numbers` for this technician and year, or null. Numbers of
 * other technicians, other years or malformed ones are ignored: a laptop may hold reports
 * synced from colleagues.
 */
export function lastSequenceAmong(
  numbers: Iterable<string>,
  technicianCode: string,
  year: number,
): number | null {
  let last: number | null = null;
  for (const number of numbers) {
    const parts = parseReportNumber(number);
    if (!parts || parts.technicianCode !== technicianCode || parts.year !== year) continue;
    if (last === null || parts.sequence > last) last = parts.sequence;
  }
  return last;
}
