import { z } from 'zod';
import { localDateSchema } from '../calendar/local-date';
import { requiredText, syncedFields, text } from './record';

export const SUBSCRIPTION_KINDS = [
  'microsoft-365',
  'antivirus',
  'hosting',
  'domain',
  'cloud-backup',
  'software-licence',
  'other',
] as const;
export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number];

export const SUBSCRIPTION_KIND_LABELS: Record<SubscriptionKind, string> = {
  'microsoft-365': 'Microsoft 365',
  antivirus: 'Antivirus',
  hosting: 'Hébergement',
  domain: 'Nom de domaine',
  'cloud-backup': 'Sauvegarde en ligne',
  'software-licence': 'Licence logicielle',
  other: 'Autre',
};

/**
 * A licence or subscription held by the client. The licence key itself is never stored:
 * at most a reference to where it is kept (`secretRef`, e.g. the vault entry's name).
 */
export const subscriptionFieldsSchema = z.object({
  clientId: z.uuid(),
  kind: z.enum(SUBSCRIPTION_KINDS, { error: 'Type d’abonnement inconnu.' }),
  name: requiredText(200, 'Le nom de l’abonnement est obligatoire.'),
  provider: text(200).default(''),
  contractNumber: text(120).default(''),
  quantity: z
    .number({ error: 'Quantité attendue.' })
    .int('Quantité entière attendue.')
    .positive('Quantité positive attendue.')
    .default(1),
  renewalDate: localDateSchema,
  /** Renews tacitly each year unless notice is given (000 art. 7, 002 art. VII). */
  tacitRenewal: z.boolean().default(true),
  noticeMonths: z.number().int().min(0).max(24).default(3),
  secretRef: text(200).default(''),
  notes: text(4000).default(''),
});
export type SubscriptionFields = z.input<typeof subscriptionFieldsSchema>;

export const subscriptionSchema = subscriptionFieldsSchema.extend(syncedFields);
export type Subscription = z.infer<typeof subscriptionSchema>;
