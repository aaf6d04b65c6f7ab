import { z } from 'zod';
import { equipmentFieldsSchema } from './equipment';
import type { EquipmentDraft } from './equipment';
import type { LocalDate } from '../calendar/local-date';

/**
 * What the equipment form's inputs hold: text everywhere, "" for an empty date or no site.
 * The screen validates them with `equipmentFormSchema` (react-hook-form's resolver) and the
 * save use case parses them again with the same schema before anything is stored.
 */
export interface EquipmentFormValues {
  clientId: string;
  siteId: string;
  category: string;
  brand: string;
  model: string;
  serialNumber: string;
  assetTag: string;
  hostname: string;
  assignedUser: string;
  location: string;
  purchaseDate: string;
  warrantyEndDate: string;
  status: string;
  covered: boolean;
  declared: boolean;
  discoveredOn: string;
  notes: string;
  secretRef: string;
}

const orNull = (v: string) => (v === '' ? null : v);

export const FUTURE_PURCHASE_MESSAGE = 'La date d’achat ne peut pas être dans le futur.';

/**
 * The equipment form's values checked by the shared equipment schema (same rules as the
 * import), plus
 * what only a person typing can get wrong: a purchase date after `today` (a typo such as 2030).
 * The warranty end date may be in the future: that is what a warranty is.
 */
export function equipmentFormSchema(
  today: LocalDate,
): z.ZodType<EquipmentDraft, EquipmentFormValues> {
  const checked = equipmentFieldsSchema.superRefine((e, ctx) => {
    // ISO dates (AAAA-MM-JJ) compare as strings
    if (e.purchaseDate !== null && e.purchaseDate > today) {
      ctx.addIssue({ code: 'custom', path: ['purchaseDate'], message: FUTURE_PURCHASE_MESSAGE });
    }
  });
  return z.preprocess((input) => {
    const v = input as EquipmentFormValues;
    return {
      ...v,
      siteId: orNull(v.siteId),
      purchaseDate: orNull(v.purchaseDate),
      warrantyEndDate: orNull(v.warrantyEndDate),
      discoveredOn: orNull(v.discoveredOn),
    };
  }, checked) as unknown as z.ZodType<EquipmentDraft, EquipmentFormValues>; // preprocess types its input as unknown
}

export function toFormValues(e: EquipmentDraft): EquipmentFormValues {
  return {
    ...e,
    siteId: e.siteId ?? '',
    purchaseDate: e.purchaseDate ?? '',
    warrantyEndDate: e.warrantyEndDate ?? '',
    discoveredOn: e.discoveredOn ?? '',
  };
}

export function emptyFormValues(
  clientId: string,
  discoveredOn: string | null,
): EquipmentFormValues {
  return {
    clientId,
    siteId: '',
    category: 'desktop',
    brand: '',
    model: '',
    serialNumber: '',
    assetTag: '',
    hostname: '',
    assignedUser: '',
    location: '',
    purchaseDate: '',
    warrantyEndDate: '',
    status: 'in-service',
    // Found on site: not declared by the client, so not on the contract's annex yet (002 art. IV.2.1).
    covered: discoveredOn === null,
    declared: discoveredOn === null,
    discoveredOn: discoveredOn ?? '',
    notes: '',
    secretRef: '',
  };
}
