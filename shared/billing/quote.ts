import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import { PARIS_TIME_ZONE } from '../calendar/local-date';
import { canonicalJson } from '../report/canonical-json';
import { pngDataUrlSchema } from '../report/model';
import { technicianCodeSchema } from '../report/number';
import type { Contract } from './contract';
import { visitFactsSchema } from './visit-facts';
import { BILLING_MODES } from './ladder';
import type { BillingMode } from './ladder';
import { priceVisitFacts } from './pricing';

/**
 * The on-site quote (devis) for complementary work: "Chaque prestation complémentaire fait
 * l'objet d'un accord préalable sous la forme d'un devis incluant une estimation de la durée"
 * (002 art. III.2, IV.2.2). Written by the technician before the work, signed by the client
 * on screen, sealed by the SHA-256 of its canonical JSON like a bordereau, numbered like one
 * (`DV-<year>-<technician code>-<sequence>`), and named by the bordereau's billing.
 */

const QUOTE_NUMBER_PATTERN = /^DV-(\d{4})-([A-Z]{2,4})-(\d{4,})$/;

export const quoteNumberSchema = z
  .string()
  .regex(QUOTE_NUMBER_PATTERN, 'Numéro de devis invalide (ex. « DV-2026-JD-0001 »).');

export function formatQuoteNumber(year: number, technicianCode: string, sequence: number): string {
  technicianCodeSchema.parse(technicianCode);
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`Numéro d’ordre invalide : ${String(sequence)}.`);
  }
  return `DV-${year}-${technicianCode}-${String(sequence).padStart(4, '0')}`;
}

/** The next number of a technician's quotes in the year of `at` (Paris), from those known. */
export function nextQuoteNumber(
  known: readonly string[],
  technicianCode: string,
  at: number,
): string {
  const year = new TZDate(at, PARIS_TIME_ZONE).getFullYear();
  let last = 0;
  for (const number of known) {
    const m = QUOTE_NUMBER_PATTERN.exec(number);
    if (m && Number(m[1]) === year && m[2] === technicianCode) last = Math.max(last, Number(m[3]));
  }
  return formatQuoteNumber(year, technicianCode, last + 1);
}

const ms = z.number().int().nonnegative();
const cents = z.number().int().nonnegative();

export const quotePricingSchema = z.discriminatedUnion('kind', [
  /** Priced by the contract's ladder on the estimated duration (an estimate, not a cap). */
  z.object({
    kind: z.literal('ladder'),
    stepLabel: z.string().min(1),
    billedMinutes: z.number().int().nonnegative(),
    estimateHtCents: cents,
    detail: z.string().max(500),
  }),
  /** A flat price: what the visit will bill for this work (domain-rules §3, our default). */
  z.object({ kind: z.literal('flat'), priceCents: cents }),
]);
export type QuotePricing = z.output<typeof quotePricingSchema>;

export const quoteContentSchema = z.object({
  id: z.uuid(),
  number: quoteNumberSchema,
  visitId: z.uuid(),
  issuedAt: ms,
  clientName: z.string().trim().min(1).max(200),
  siteName: z.string().trim().min(1).max(200),
  contractReference: z.string().trim().min(1).max(100),
  technician: z.object({ name: z.string().trim().min(1).max(200), code: technicianCodeSchema }),
  mode: z.enum(BILLING_MODES),
  description: z
    .string()
    .trim()
    .min(1, 'Décrivez la prestation complémentaire.')
    .max(2000, '2000 caractères au plus.'),
  estimatedMinutes: z
    .number({ error: 'Durée estimée en minutes attendue.' })
    .int('Durée estimée en minutes entières attendue.')
    .positive('Indiquez la durée estimée.')
    .max(144_000),
  pricing: quotePricingSchema,
  vatRateBasisPoints: z.number().int().min(0).max(10_000),
});
export type QuoteContent = z.output<typeof quoteContentSchema>;

export const quoteSignatureSchema = z.object({
  signerName: z.string().trim().min(1, 'Nom du signataire obligatoire.').max(200),
  role: z.string().trim().max(200).default(''),
  signedAt: ms,
  imagePngDataUrl: pngDataUrlSchema,
});
export type QuoteSignature = z.output<typeof quoteSignatureSchema>;

export const sealedQuoteSchema = z.object({
  content: quoteContentSchema,
  signature: quoteSignatureSchema,
  seal: z.object({
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    algorithm: z.literal('SHA-256'),
    sealedAt: ms,
  }),
});
export type SealedQuote = z.output<typeof sealedQuoteSchema>;

/**
 * What the ladder would bill for the estimated duration, with its explanation: the time
 * lines of `priceVisitFacts` on a visit of that length (travel and parts apart).
 */
export function quoteLadderEstimate(
  contract: Contract,
  mode: BillingMode,
  estimatedMinutes: number,
  at: number,
): Extract<QuotePricing, { kind: 'ladder' }> {
  const priced = priceVisitFacts(
    { ...contract, travel: { ...contract.travel, fee: { kind: 'included' } } },
    visitFactsSchema.parse({ mode, workedMinutes: estimatedMinutes, startedAt: at }),
  );
  const labour = priced.lines.filter((l) => l.kind === 'labour');
  return {
    kind: 'ladder',
    stepLabel: priced.stepLabel,
    billedMinutes: priced.billedMinutes,
    estimateHtCents: labour.reduce((sum, l) => sum + l.htCents, 0),
    detail: labour.map((l) => l.detail ?? '').join(' ; '),
  };
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The seal's hash: SHA-256 of the canonical JSON of the content and the signature. */
export function quoteSealHash(content: QuoteContent, signature: QuoteSignature): Promise<string> {
  return sha256Hex(canonicalJson({ content, signature }));
}

/** Seals a signed quote; validated, so a bad quote never gets a seal. */
export async function sealQuote(
  content: unknown,
  signature: unknown,
  sealedAt: number,
): Promise<SealedQuote> {
  const c = quoteContentSchema.parse(content);
  const s = quoteSignatureSchema.parse(signature);
  if (s.signedAt < c.issuedAt) throw new RangeError('Le devis est signé avant d’avoir été établi.');
  return sealedQuoteSchema.parse({
    content: c,
    signature: s,
    seal: { hash: await quoteSealHash(c, s), algorithm: 'SHA-256', sealedAt },
  });
}

/** True when the quote's content and signature still hash to its seal. */
export async function verifyQuoteSeal(quote: SealedQuote): Promise<boolean> {
  return (await quoteSealHash(quote.content, quote.signature)) === quote.seal.hash;
}

/** The price the quote puts on the work: its flat price, or null when priced by the ladder. */
export function quoteFlatPrice(quote: SealedQuote): number | null {
  return quote.content.pricing.kind === 'flat' ? quote.content.pricing.priceCents : null;
}
