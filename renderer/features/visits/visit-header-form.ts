import { z } from 'zod';
import { INTERVENTION_MODES, INTERVENTION_TYPES, URGENCIES } from '../../../shared/report/model';
import type { VisitHeader } from '../../../shared/visit/visit-record';

/**
 * What is said at the start of a visit, as the forms type it (the start form and the header
 * correction share these fields). What is stored is checked by the shared visit schema
 * inside the use cases, with its French messages; this one only shapes the fields.
 */
export const visitHeaderFormSchema = z.object({
  mode: z.enum(INTERVENTION_MODES),
  type: z.enum(INTERVENTION_TYPES),
  urgency: z.enum(URGENCIES),
  requestReference: z.string(),
  request: z.string(),
  representativeName: z.string(),
  representativeRole: z.string(),
  clientConfirmedBackup: z.boolean(),
  includedInSubscription: z.boolean(),
});
export type VisitHeaderFormValues = z.infer<typeof visitHeaderFormSchema>;

export const EMPTY_VISIT_HEADER_FORM: VisitHeaderFormValues = {
  mode: 'onsite',
  type: 'curative',
  urgency: 'normal',
  requestReference: '',
  request: '',
  representativeName: '',
  representativeRole: '',
  clientConfirmedBackup: false,
  includedInSubscription: false,
};

/** A stored header as the form shows it (no representative: empty name and role). */
export function visitHeaderFormValues(header: VisitHeader): VisitHeaderFormValues {
  return {
    mode: header.mode,
    type: header.type,
    urgency: header.urgency,
    requestReference: header.requestReference,
    request: header.request,
    representativeName: header.representative?.name ?? '',
    representativeRole: header.representative?.role ?? '',
    clientConfirmedBackup: header.clientConfirmedBackup,
    includedInSubscription: header.includedInSubscription,
  };
}

/**
 * The typed header as the use cases take it: a blank representative name means nobody was
 * present; without a contract nothing is under a subscription. When the client called is not
 * typed here (it comes from the request or the SLA panel).
 */
export function visitHeaderOf(
  values: VisitHeaderFormValues,
  withoutContract: boolean,
): Omit<VisitHeader, 'requestedAt'> {
  const name = values.representativeName.trim();
  return {
    mode: values.mode,
    type: values.type,
    urgency: values.urgency,
    requestReference: values.requestReference,
    request: values.request,
    representative: name ? { name, role: values.representativeRole } : null,
    clientConfirmedBackup: values.clientConfirmedBackup,
    includedInSubscription: withoutContract ? false : values.includedInSubscription,
  };
}
