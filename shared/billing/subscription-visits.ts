/**
 * Planned visits included in an infogérance subscription: "Le nombre de visites par an est
 * défini au bon de commande" (004 art. VI). The report says which visit of the year this is.
 */
export interface SubscriptionVisitCount {
  /** This visit's rank in the year (1 for the first). */
  readonly rank: number;
  readonly perYear: number | null;
  /** Visits left after this one; null when the contract sets no number. */
  readonly remaining: number | null;
  /** True when this visit goes beyond the number in the contract. */
  readonly beyondContract: boolean;
}

export function subscriptionVisitCount(
  perYear: number | null,
  visitsEarlierThisYear: number,
): SubscriptionVisitCount {
  if (!Number.isInteger(visitsEarlierThisYear) || visitsEarlierThisYear < 0) {
    throw new RangeError(`Nombre de visites invalide : ${String(visitsEarlierThisYear)}.`);
  }
  const rank = visitsEarlierThisYear + 1;
  if (perYear === null) return { rank, perYear, remaining: null, beyondContract: false };
  return { rank, perYear, remaining: Math.max(0, perYear - rank), beyondContract: rank > perYear };
}

/** "Visite 3 sur 4 prévues au contrat" */
export function subscriptionVisitLabel(count: SubscriptionVisitCount): string {
  if (count.perYear === null) return `Visite n° ${count.rank} de l’année`;
  return `Visite ${count.rank} sur ${count.perYear} prévue${count.perYear > 1 ? 's' : ''} au contrat`;
}
