import { z } from 'zod';
import { optionalEmail, optionalPhone, requiredText, syncedFields, text } from './record';

/** SIRET: 14 digits (spaces allowed when typed, removed when stored). */
const siret = z
  .string()
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^$|^\d{14}$/, 'Le SIRET compte 14 chiffres.'));

export const clientFieldsSchema = z.object({
  name: requiredText(200, 'Le nom du client est obligatoire.'),
  siret: siret.default(''),
  /** City of the head office, shown in the list and searched. */
  city: text(120).default(''),
  phone: optionalPhone.default(''),
  email: optionalEmail.default(''),
  notes: text(4000).default(''),
  archived: z.boolean().default(false),
  /**
   * Head office or billing address printed on the bordereau (domain-rules.md §5). Optional,
   * so clients stored before it existed still validate; printed only when all three are set.
   */
  billingStreet: text(200).optional(),
  billingPostcode: z
    .string()
    .trim()
    .regex(/^$|^\d{5}$/, 'Code postal : 5 chiffres attendus.')
    .optional(),
  billingCity: text(100).optional(),
});
export type ClientFields = z.input<typeof clientFieldsSchema>;

export const clientSchema = clientFieldsSchema.extend(syncedFields);
export type Client = z.infer<typeof clientSchema>;
