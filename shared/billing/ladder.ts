/**
 * The billing ladder of 002 art. IV.2.2 ("prestations complémentaires"): recorded minutes in,
 * billed minutes out. See docs/billing.md for the rules in words and worked examples.
 */

export type BillingMode = 'onsite' | 'remote';

export const BILLING_MODES = ['onsite', 'remote'] as const satisfies readonly BillingMode[];

/** "deux heures facturées automatiquement" */
export const ONSITE_MINIMUM_MINUTES = 120;
/** "une demi-journée soit un total de 3,5 (trois heures et demie)" */
export const HALF_DAY_MINUTES = 210;
/** "une journée de 7 (sept) heures" */
export const DAY_MINUTES = 420;
/** "à distance, de demi-heure en demi-heure" */
export const REMOTE_UNIT_MINUTES = 30;
/**
 * A tolerance must stay below the gap between two steps (2 h → 3 h 30 is 90 min), or a step
 * would swallow the next one.
 */
export const MAX_TOLERANCE_MINUTES = 89;

export interface LadderRules {
  /** Minutes of grace before each step up on site (our default: 0). */
  readonly toleranceMinutes?: number;
}

/** What remains after the full days of a long on-site visit went through the ladder again. */
export type OnsiteRemainder = 0 | typeof ONSITE_MINIMUM_MINUTES | typeof HALF_DAY_MINUTES;

export type LadderStep =
  | { readonly mode: BillingMode; readonly kind: 'none'; readonly billedMinutes: 0 }
  | {
      readonly mode: 'remote';
      readonly kind: 'half-hours';
      readonly halfHours: number;
      readonly billedMinutes: number;
    }
  | {
      readonly mode: 'onsite';
      readonly kind: 'onsite';
      /** Whole days of 7 h. */
      readonly days: number;
      /** The step billed for what is left after the days (0, 2 h or 3 h 30). */
      readonly remainderMinutes: OnsiteRemainder;
      readonly billedMinutes: number;
    };

function checkMinutes(worked: number): void {
  if (!Number.isFinite(worked) || !Number.isInteger(worked) || worked < 0) {
    throw new RangeError(
      `Durée travaillée invalide : ${String(worked)} (un nombre entier de minutes positif ou nul est attendu).`,
    );
  }
}

function checkTolerance(rules: LadderRules | undefined): number {
  const tolerance = rules?.toleranceMinutes ?? 0;
  if (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > MAX_TOLERANCE_MINUTES) {
    throw new RangeError(
      `Tolérance invalide : ${String(tolerance)} (un nombre entier de minutes entre 0 et ${MAX_TOLERANCE_MINUTES} est attendu).`,
    );
  }
  return tolerance;
}

/**
 * Which step of the ladder applies to `workedMinutes`. On site, "beyond" is strict and
 * the tolerance is added to each threshold: with 10 min of grace, 130 min still bill 2 h.
 * Beyond 7 h (the contract is silent; our default), every full 7 h is a day and the
 * remainder goes through the ladder again, a remainder within the tolerance being dropped.
 */
export function ladderStep(
  mode: BillingMode,
  workedMinutes: number,
  rules?: LadderRules,
): LadderStep {
  checkMinutes(workedMinutes);
  const tolerance = checkTolerance(rules);
  if (workedMinutes === 0) return { mode, kind: 'none', billedMinutes: 0 };

  if (mode === 'remote') {
    const halfHours = Math.ceil(workedMinutes / REMOTE_UNIT_MINUTES);
    return { mode, kind: 'half-hours', halfHours, billedMinutes: halfHours * REMOTE_UNIT_MINUTES };
  }

  let days = Math.floor(workedMinutes / DAY_MINUTES);
  const rest = workedMinutes - days * DAY_MINUTES;
  let remainderMinutes: OnsiteRemainder;
  if (days > 0 && rest <= tolerance) {
    remainderMinutes = 0;
  } else if (rest <= ONSITE_MINIMUM_MINUTES + tolerance) {
    remainderMinutes = ONSITE_MINIMUM_MINUTES;
  } else if (rest <= HALF_DAY_MINUTES + tolerance) {
    remainderMinutes = HALF_DAY_MINUTES;
  } else {
    days += 1;
    remainderMinutes = 0;
  }
  return {
    mode,
    kind: 'onsite',
    days,
    remainderMinutes,
    billedMinutes: days * DAY_MINUTES + remainderMinutes,
  };
}

/**
 * Billed minutes for an intervention of `workedMinutes` (integer ≥ 0, else `RangeError`).
 * Remote: each started half-hour. On site: 2 h, 3 h 30 or 7 h, then days plus the ladder
 * again on the remainder. 0 bills 0.
 */
export function billableMinutes(
  mode: BillingMode,
  workedMinutes: number,
  rules?: LadderRules,
): number {
  return ladderStep(mode, workedMinutes, rules).billedMinutes;
}
