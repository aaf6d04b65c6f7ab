import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { SealedQuote } from '../../../shared/billing/quote';
import { newSealedQuote } from '../../../shared/visit/new-quote';
import { addVisitQuote, listVisits } from '../../db/repositories/visits';
import { getTechnicianProfile } from '../../db/repositories/profile';
import type { UseCaseDeps } from '../deps';
import { loadVisitContext } from './visit-context';

const signQuoteInputSchema = z.object({
  visitId: z.string().min(1, 'Intervention introuvable.'),
  description: z.string(),
  estimatedMinutes: z
    .number({ error: 'Indiquez la durée estimée en minutes.' })
    .int('Indiquez la durée estimée en minutes.')
    .positive('Indiquez la durée estimée en minutes.')
    .max(999_999, 'Indiquez la durée estimée en minutes.'),
  flatPriceCents: z.number().int().nonnegative().nullable(),
  signerName: z.string(),
  role: z.string().default(''),
  imagePngDataUrl: z
    .string({ error: 'Le client doit signer le devis avant les travaux.' })
    .min(1, 'Le client doit signer le devis avant les travaux.'),
});

/**
 * The on-site quote for complementary work (002 art. III.2), signed by the client before the
 * work: numbered after every quote this laptop knows, sealed, and kept with the visit (a
 * number is never stored twice).
 */
export async function signQuote(
  deps: UseCaseDeps,
  input: z.input<typeof signQuoteInputSchema>,
): Promise<SealedQuote> {
  const valid = signQuoteInputSchema.parse(input);
  const { db } = deps;
  const context = await loadVisitContext(db, valid.visitId);
  if (!context) throw new Error('Intervention introuvable sur ce poste.');
  const { visit, contract, client, site } = context;
  if (!contract || !client || !site)
    throw new Error('Client, site ou contrat introuvable sur ce poste.');
  const profile = await getTechnicianProfile(db);
  if (!profile) throw new Error('Renseignez d’abord votre profil de technicien.');
  const known = (await listVisits(db)).flatMap((v) => v.quotes.map((q) => q.content.number));
  const now = deps.clock.now();
  const quote = await newSealedQuote(
    {
      visit,
      contract,
      clientName: client.name,
      siteName: site.name,
      technician: { name: profile.name, code: profile.code },
      knownNumbers: known,
    },
    {
      description: valid.description,
      estimatedMinutes: valid.estimatedMinutes,
      flatPriceCents: valid.flatPriceCents,
    },
    { signerName: valid.signerName, role: valid.role, imagePngDataUrl: valid.imagePngDataUrl },
    { id: uuidv7(), now },
  );
  await addVisitQuote(db, visit.id, quote, now);
  return quote;
}
