import { formatDuration } from '../format/duration';
import type { BillingMode, LadderRules, LadderStep } from './ladder';
import { DAY_MINUTES, HALF_DAY_MINUTES, ladderStep } from './ladder';

/**
 * The ladder step as printed on the report: "Forfait 2 h", "Demi-journée (3 h 30)",
 * "Journée (7 h)", "2 journées (14 h)", "1 journée + 2 h", "1 journée + 3 h 30",
 * "3 demi-heures", "Aucun temps facturé". Durations use U+00A0 (see format/spaces.ts).
 */
export function stepLabel(step: LadderStep): string {
  switch (step.kind) {
    case 'none':
      return 'Aucun temps facturé';
    case 'half-hours':
      return step.halfHours === 1 ? '1 demi-heure' : `${step.halfHours} demi-heures`;
    case 'onsite': {
      if (step.days === 0) {
        return step.remainderMinutes === HALF_DAY_MINUTES
          ? `Demi-journée (${formatDuration(HALF_DAY_MINUTES)})`
          : `Forfait ${formatDuration(step.remainderMinutes)}`;
      }
      if (step.remainderMinutes === 0) {
        return step.days === 1
          ? `Journée (${formatDuration(DAY_MINUTES)})`
          : `${step.days} journées (${formatDuration(step.billedMinutes)})`;
      }
      const days = step.days === 1 ? '1 journée' : `${step.days} journées`;
      return `${days} + ${formatDuration(step.remainderMinutes)}`;
    }
  }
}

/** `stepLabel(ladderStep(...))` in one call. */
export function ladderStepLabel(
  mode: BillingMode,
  workedMinutes: number,
  rules?: LadderRules,
): string {
  return stepLabel(ladderStep(mode, workedMinutes, rules));
}
