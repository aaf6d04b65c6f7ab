import { z } from 'zod';
import { instantOf, isoWeekday } from './local-date';
import type { LocalDate } from './local-date';

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const clockSchema = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Heure attendue au format HH:MM (00:00 à 24:00).');

/** Minutes since midnight of a "HH:MM" wall-clock time. */
export function clockMinutes(clock: string): number {
  const [h, m] = clock.split(':');
  return Number(h) * 60 + Number(m);
}

/** One opening stretch of a day, wall-clock time in the site's zone ("09:00" to "12:30"). */
export const timeRangeSchema = z
  .object({ from: clockSchema, to: clockSchema })
  .refine((r) => clockMinutes(r.from) < clockMinutes(r.to), {
    message: 'L’heure de fin doit suivre l’heure de début.',
  });
export type TimeRange = z.infer<typeof timeRangeSchema>;

const daySchema = z
  .array(timeRangeSchema)
  .refine(
    (ranges) =>
      ranges.every((r, i) => i === 0 || clockMinutes(ranges[i - 1]!.to) <= clockMinutes(r.from)),
    { message: 'Les plages d’une journée doivent être dans l’ordre et sans chevauchement.' },
  );

/** The hours of each day of the week; a day with no range is closed. */
export const weeklyScheduleSchema = z.object({
  monday: daySchema,
  tuesday: daySchema,
  wednesday: daySchema,
  thursday: daySchema,
  friday: daySchema,
  saturday: daySchema,
  sunday: daySchema,
});
export type WeeklySchedule = z.infer<typeof weeklyScheduleSchema>;

const range = (from: string, to: string): TimeRange => ({ from, to });

/**
 * Intervention periods of 004 art. VI (also domain-rules §6): mornings Monday–Friday
 * 9:00–12:30, afternoons Monday–Thursday 14:00–18:00 and Friday 14:00–17:00.
 */
export const INTERVENTION_PERIODS: WeeklySchedule = {
  monday: [range('09:00', '12:30'), range('14:00', '18:00')],
  tuesday: [range('09:00', '12:30'), range('14:00', '18:00')],
  wednesday: [range('09:00', '12:30'), range('14:00', '18:00')],
  thursday: [range('09:00', '12:30'), range('14:00', '18:00')],
  friday: [range('09:00', '12:30'), range('14:00', '17:00')],
  saturday: [],
  sunday: [],
};

/**
 * Our default for a client's opening hours when the contract does not give them: Monday to
 * Friday 9:00–18:00 (002 art. IV.2.2 only says "dans les heures d'ouverture du Client, du
 * lundi au vendredi inclus").
 */
export const DEFAULT_OPENING_HOURS: WeeklySchedule = {
  monday: [range('09:00', '18:00')],
  tuesday: [range('09:00', '18:00')],
  wednesday: [range('09:00', '18:00')],
  thursday: [range('09:00', '18:00')],
  friday: [range('09:00', '18:00')],
  saturday: [],
  sunday: [],
};

export function weekdayOf(date: LocalDate): Weekday {
  return WEEKDAYS[isoWeekday(date) - 1]!;
}

/** The schedule's ranges on a date, as instants [start, end) in ms. */
export function windowsOn(
  schedule: WeeklySchedule,
  date: LocalDate,
  timeZone?: string,
): readonly { readonly start: number; readonly end: number }[] {
  return schedule[weekdayOf(date)].map((r) => ({
    start: instantOf(date, clockMinutes(r.from), timeZone),
    end: instantOf(date, clockMinutes(r.to), timeZone),
  }));
}
