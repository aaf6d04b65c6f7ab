import { z } from 'zod';
import { localDateSchema } from '../calendar/local-date';
import { EQUIPMENT_CATEGORIES } from './category';
import { syncedFields, text } from './record';

export const EQUIPMENT_STATUSES = ['in-service', 'under-repair', 'retired'] as const;
export type EquipmentStatus = (typeof EQUIPMENT_STATUSES)[number];

export const STATUS_LABELS: Record<EquipmentStatus, string> = {
  'in-service': 'En service',
  'under-repair': 'En réparation',
  retired: 'Retiré',
};

const optionalDate = z.union([localDateSchema, z.null()]).default(null);

const equipmentFieldsObject = z.object({
  clientId: z.uuid(),
  siteId: z.uuid().nullable().default(null),
  category: z.enum(EQUIPMENT_CATEGORIES, { error: 'Catégorie inconnue.' }),
  /**
   * The category as the client's file named it, when we did not know the word ("Grille-pain"
   * filed under "Autre"): kept and shown so nothing the client wrote is lost. Optional, so
   * records and devices from before it stay valid.
   */
  categoryLabel: text(120).optional(),
  brand: text(120).default(''),
  model: text(200).default(''),
  serialNumber: text(120).default(''),
  assetTag: text(120).default(''),
  hostname: text(120).default(''),
  assignedUser: text(200).default(''),
  /** Room or place within the site ("Baie serveur, 1er étage"). */
  location: text(200).default(''),
  purchaseDate: optionalDate,
  warrantyEndDate: optionalDate,
  status: z.enum(EQUIPMENT_STATUSES, { error: 'Statut inconnu.' }).default('in-service'),
  /** The status as the client's file named it, when we did not know the word ("Prêté"). */
  statusLabel: text(120).optional(),
  /** On the contract's annex (002 art. III). */
  covered: z.boolean().default(true),
  /** Declared by the client; false when the technician discovered it on site (002 art. IV.2.1). */
  declared: z.boolean().default(true),
  discoveredOn: optionalDate,
  notes: text(4000).default(''),
  /**
   * Where a password or licence key is kept (a vault entry's name), never the secret itself
   * (domain-rules §2).
   */
  secretRef: text(200).default(''),
});

type EquipmentDraftShape = z.infer<typeof equipmentFieldsObject>;

/** Cross-field rules shared by the form, the CSV import and the repository. */
function checkEquipment(e: EquipmentDraftShape, ctx: z.RefinementCtx): void {
  if (e.serialNumber === '' && e.assetTag === '' && e.hostname === '' && e.model === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['serialNumber'],
      message:
        'Indiquez au moins un numéro de série, un numéro d’inventaire, un nom d’hôte ou un modèle.',
    });
  }
  if (!e.declared && e.discoveredOn === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['discoveredOn'],
      message: 'Un équipement non déclaré doit avoir sa date de découverte.',
    });
  }
  if (e.purchaseDate && e.warrantyEndDate && e.warrantyEndDate < e.purchaseDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['warrantyEndDate'],
      message: 'La fin de garantie précède la date d’achat.',
    });
  }
}

export const equipmentFieldsSchema = equipmentFieldsObject.superRefine(checkEquipment);
export type EquipmentFields = z.input<typeof equipmentFieldsSchema>;
export type EquipmentDraft = z.output<typeof equipmentFieldsSchema>;

export const equipmentSchema = equipmentFieldsObject
  .extend(syncedFields)
  .superRefine(checkEquipment);
export type Equipment = z.infer<typeof equipmentSchema>;
