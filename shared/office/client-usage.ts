import { hourBankStatement } from '../billing/hour-bank';
import type { BankStatement } from '../billing/hour-bank';
import type { HourBank } from '../billing/contract';
import { subscriptionVisitCount } from '../billing/subscription-visits';
import type { SubscriptionVisitCount } from '../billing/subscription-visits';
import type { ReviewRow } from './review-rows';

/** What the office needs of a contract to follow a client's consumption. */
export interface UsageContract {
  readonly clientId: string;
  readonly reference: string;
  readonly hourBank: HourBank | null;
  readonly subscriptionVisitsPerYear: number | null;
}

export interface ClientUsage {
  readonly clientId: string;
  readonly clientName: string;
  readonly contractReference: string;
  /** Billed time of the signed interventions of the year. */
  readonly billedMinutesThisYear: number;
  readonly bank: BankStatement | null;
  /** The last planned visit of the year against the contract's number; null when none was made. */
  readonly visits: SubscriptionVisitCount | null;
  readonly plannedVisitsThisYear: number;
  readonly visitsPerYear: number | null;
}

/**
 * Each client's consumption against its contract: the hour bank recomputed from the signed
 * interventions (shared/billing, never a stored balance) and the planned visits of the
 * year against the number the contract includes.
 */
export function clientUsage(
  rows: readonly ReviewRow[],
  contracts: readonly UsageContract[],
  clientNames: ReadonlyMap<string, string>,
  year: number,
): ClientUsage[] {
  const prefix = `${year}-`;
  return contracts.map((contract) => {
    const signed = rows.filter((r) => r.clientId === contract.clientId && r.status !== 'draft');
    const thisYear = signed.filter((r) => r.issuedOn.startsWith(prefix));
    const planned = thisYear.filter((r) => r.type === 'planned-visit').length;
    const bank = contract.hourBank
      ? hourBankStatement(
          contract.hourBank,
          signed.map((r) => ({
            id: r.reportId,
            at: r.report.content.timeline.arrivalAt,
            billedMinutes: r.billedMinutes,
          })),
        )
      : null;
    return {
      clientId: contract.clientId,
      clientName: clientNames.get(contract.clientId) ?? '',
      contractReference: contract.reference,
      billedMinutesThisYear: thisYear.reduce((sum, r) => sum + r.billedMinutes, 0),
      bank,
      visits:
        planned > 0
          ? subscriptionVisitCount(contract.subscriptionVisitsPerYear, planned - 1)
          : null,
      plannedVisitsThisYear: planned,
      visitsPerYear: contract.subscriptionVisitsPerYear,
    };
  });
}
