import { z } from 'zod';
import { optionalEmail, optionalPhone, requiredText, syncedFields, text } from './record';

export const CONTACT_ROLES = ['it-correspondent', 'signatory', 'other'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const CONTACT_ROLE_LABELS: Record<ContactRole, string> = {
  'it-correspondent': 'Correspondant informatique',
  signatory: 'Signataire',
  other: 'Autre',
};

export const contactFieldsSchema = z.object({
  clientId: z.uuid(),
  /** null: the contact is for the whole client. */
  siteId: z.uuid().nullable().default(null),
  role: z.enum(CONTACT_ROLES, { error: 'Rôle inconnu.' }),
  name: requiredText(200, 'Le nom du contact est obligatoire.'),
  jobTitle: text(120).default(''),
  phone: optionalPhone.default(''),
  email: optionalEmail.default(''),
});
export type ContactFields = z.input<typeof contactFieldsSchema>;

export const contactSchema = contactFieldsSchema.extend(syncedFields);
export type Contact = z.infer<typeof contactSchema>;
