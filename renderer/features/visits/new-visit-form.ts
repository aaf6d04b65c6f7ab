import { z } from 'zod';
import { EMPTY_VISIT_HEADER_FORM, visitHeaderFormSchema, visitHeaderOf } from './visit-header-form';
import type { NewVisitInput } from '../../../shared/visit/new-visit-input';

/**
 * The "Démarrer une intervention" form as typed: the header's fields (visit-header-form.ts)
 * plus where and on what. What is stored is checked by the shared
 * schema (shared/visit/new-visit-input.ts) inside `startVisit`, with its French messages;
 * this one only shapes the fields.
 */
export const newVisitFormSchema = visitHeaderFormSchema.extend({
  clientId: z.string(),
  siteId: z.string(),
  contractId: z.string(),
  equipmentIds: z.array(z.string()),
});
export type NewVisitFormValues = z.infer<typeof newVisitFormSchema>;

export function newVisitFormDefaults(clientId: string): NewVisitFormValues {
  return { ...EMPTY_VISIT_HEADER_FORM, clientId, siteId: '', contractId: '', equipmentIds: [] };
}

/**
 * The form's values as `startVisit` takes them, with the site and contract the form shows
 * when none was picked (the first ones). Without a contract nothing is under a subscription.
 */
export function newVisitInputOf(
  values: NewVisitFormValues,
  shown: {
    readonly siteId: string;
    readonly contractId: string;
    readonly withoutContract: boolean;
  },
): NewVisitInput {
  return {
    clientId: values.clientId,
    siteId: shown.siteId,
    contractId: shown.contractId,
    header: visitHeaderOf(values, shown.withoutContract),
    equipmentIds: values.equipmentIds,
  };
}
