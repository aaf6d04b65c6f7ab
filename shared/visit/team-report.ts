import type { TeamMemberReport } from '../report/model';
import type { TeamMemberBilling } from './team-pricing';

/**
 * An other technician as the bordereau records them: their times (a member still on site
 * when the report is drawn up leaves at `issuedAt`, like the visit's own timer), their time
 * through the ladder, and their signature if given.
 */
export function teamMemberReport(billing: TeamMemberBilling, issuedAt: number): TeamMemberReport {
  const { member, timeline } = billing;
  return {
    name: member.name,
    arrivalAt: timeline.arrival ?? issuedAt,
    departureAt: timeline.departure ?? issuedAt,
    pauses: timeline.pauses.map((p) => ({ startAt: p.start, endAt: p.end ?? p.start })),
    workedMinutes: timeline.workedMinutes,
    billedMinutes: billing.billedMinutes,
    ladderStepLabel: billing.stepLabel,
    signature: member.signature
      ? { signedAt: member.signature.signedAt, imagePngDataUrl: member.signature.imagePngDataUrl }
      : null,
  };
}
