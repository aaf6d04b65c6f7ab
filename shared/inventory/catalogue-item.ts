import { z } from 'zod';
import { requiredText, syncedFields } from './record';

/** A part or consumable (004 art. III, V), or a flat-fee simple task (004 art. VI). */
export const CATALOGUE_KINDS = ['part', 'flat-fee'] as const;
export type CatalogueKind = (typeof CATALOGUE_KINDS)[number];

export const catalogueItemFieldsSchema = z.object({
  kind: z.enum(CATALOGUE_KINDS, { error: 'Type d’article inconnu.' }),
  code: requiredText(40, 'Le code est obligatoire.'),
  label: requiredText(200, 'Le libellé est obligatoire.'),
  /** Price excluding tax, in cents. */
  unitPriceCents: z
    .number({ error: 'Prix attendu.' })
    .int('Prix en centimes entiers attendu.')
    .nonnegative('Le prix ne peut pas être négatif.'),
  active: z.boolean().default(true),
});
export type CatalogueItemFields = z.input<typeof catalogueItemFieldsSchema>;

export const catalogueItemSchema = catalogueItemFieldsSchema.extend(syncedFields);
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;
