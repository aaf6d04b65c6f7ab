import { formatDateTime } from '../format/date';

/** 004 art. VI: either party must give "au moins 48 heures" notice to move a visit. */
export const RESCHEDULING_NOTICE_MS = 48 * 3_600_000;

export type RescheduleCheck =
  { readonly ok: true } | { readonly ok: false; readonly message: string };

/**
 * May a planned visit starting at `plannedStartsAt` be moved at `now`? 48 hours are real
 * elapsed time, not working hours (the article says "heures", not "heures ouvrées"), so a
 * DST change in between counts as it is: on the spring weekend, Saturday 9:00 to Monday 9:00
 * is only 47 hours. A move with less notice is refused with the rule, so the office agrees
 * on a new date with the client instead.
 */
export function checkReschedule(
  plannedStartsAt: number,
  newStartsAt: number,
  now: number,
): RescheduleCheck {
  if (newStartsAt <= now) {
    return { ok: false, message: 'La nouvelle date de la visite doit être dans le futur.' };
  }
  if (plannedStartsAt - now < RESCHEDULING_NOTICE_MS) {
    return {
      ok: false,
      message: `La visite du ${formatDateTime(plannedStartsAt)} ne peut plus être déplacée sans l’accord du client : il faut prévenir au moins 48 heures à l’avance (004 art. VI).`,
    };
  }
  return { ok: true };
}
