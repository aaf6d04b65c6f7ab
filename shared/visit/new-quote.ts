import type { Contract } from '../billing/contract';
import { vatRateOn } from '../billing/pricing';
import { nextQuoteNumber, quoteLadderEstimate, sealQuote } from '../billing/quote';
import type { SealedQuote } from '../billing/quote';
import type { VisitRecord } from './visit-record';

/** What the technician types for a quote, before the client signs. */
export interface QuoteDraft {
  readonly description: string;
  readonly estimatedMinutes: number;
  /** Null: priced by the contract's ladder on the estimated duration. */
  readonly flatPriceCents: number | null;
}

export interface QuoteParties {
  readonly visit: VisitRecord;
  readonly contract: Contract;
  readonly clientName: string;
  readonly siteName: string;
  readonly technician: { readonly name: string; readonly code: string };
  /** Every quote number this laptop knows (the technician's sequence continues from them). */
  readonly knownNumbers: readonly string[];
}

/**
 * The sealed quote from the technician's draft and the client's signature. Pure: its id
 * and the instant come in as arguments. Throws zod's French messages for a draft that is
 * not complete.
 */
export async function newSealedQuote(
  parties: QuoteParties,
  draft: QuoteDraft,
  signature: { signerName: string; role: string; imagePngDataUrl: string },
  identity: { readonly id: string; readonly now: number },
): Promise<SealedQuote> {
  const { id, now } = identity;
  const { visit, contract } = parties;
  const pricing =
    draft.flatPriceCents === null
      ? quoteLadderEstimate(contract, visit.header.mode, Math.max(1, draft.estimatedMinutes), now)
      : { kind: 'flat' as const, priceCents: draft.flatPriceCents };
  return sealQuote(
    {
      id,
      number: nextQuoteNumber(parties.knownNumbers, parties.technician.code, now),
      visitId: visit.id,
      issuedAt: now,
      clientName: parties.clientName,
      siteName: parties.siteName,
      contractReference: contract.reference,
      technician: parties.technician,
      mode: visit.header.mode,
      description: draft.description,
      estimatedMinutes: draft.estimatedMinutes,
      pricing,
      vatRateBasisPoints: vatRateOn(contract, now),
    },
    { ...signature, signedAt: now },
    now,
  );
}
