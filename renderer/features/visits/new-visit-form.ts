import { z } from 'zod';
import { INTERVENTION_MODES, INTERVENTION_TYPES, URGENCIES } from '../../../shared/report/model';
import type { NewVisitInput } from '../../../shared/visit/new-visit-input';

/**
 * The "Démarrer une intervention" form as typed. What is stored is checked by the shared
 * schema (shared/visit/new-visit-input.ts) inside `startVisit`, with its French messages;
 * this one only shapes the fields.
 */
export const newVisitFormSchema = z.object({
  clientId: z.string(),
  siteId: z.string(),
  contractId: z.string(),
  mode: z.enum(INTERVENTION_MODES),
  type: z.enum(INTERVENTION_TYPES),
  urgency: z.enum(URGENCIES),
  requestReference: z.string(),
  request: z.string(),
  representativeName: z.string(),
  representativeRole: z.string(),
  clientConfirmedBackup: z.boolean(),
  includedInSubscription: z.boolean(),
  equipmentIds: z.array(z.string()),
});
export type NewVisitFormValues = z.infer<typeof newVisitFormSchema>;

export function newVisitFormDefaults(clientId: string): NewVisitFormValues {
  return {
    clientId,
    siteId: '',
    contractId: '',
    mode: 'onsite',
    type: 'curative',
    urgency: 'normal',
    requestReference: '',
    request: '',
    representativeName: '',
    representativeRole: '',
    clientConfirmedBackup: false,
    includedInSubscription: false,
    equipmentIds: [],
  };
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
  const name = values.representativeName.trim();
  return {
    clientId: values.clientId,
    siteId: shown.siteId,
    contractId: shown.contractId,
    header: {
      mode: values.mode,
      type: values.type,
      urgency: values.urgency,
      requestReference: values.requestReference,
      request: values.request,
      representative: name ? { name, role: values.representativeRole } : null,
      clientConfirmedBackup: values.clientConfirmedBackup,
      includedInSubscription: shown.withoutContract ? false : values.includedInSubscription,
    },
    equipmentIds: values.equipmentIds,
  };
}
