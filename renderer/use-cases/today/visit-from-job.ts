import { z } from 'zod';
import type { Contract } from '../../../shared/billing/contract';
import { defaultContractId } from '../../../shared/billing/default-contract';
import type { PlannedJob } from '../../../shared/planning/job';
import type { InterventionRequest, RequestKind } from '../../../shared/planning/request';
import type { VisitType } from '../../../shared/report/model';
import type { NewVisit } from '../../db/repositories/visits';

/**
 * What the technician confirms on arrival before starting a visit from a job: who of the
 * client is present and that the client has a recent backup (000 art. 14: asked before any
 * work). Everything else comes from the job and its request.
 */
export const jobArrivalSchema = z.object({
  representativeName: z.string().trim().max(200, '200 caractères au plus.'),
  representativeRole: z.string().trim().max(200, '200 caractères au plus.'),
  clientConfirmedBackup: z.boolean(),
});
export type JobArrival = z.infer<typeof jobArrivalSchema>;

/**
 * The visit's type for each kind of request. Complementary work is work outside the
 * subscription on a quote (002 art. III.2): the closest type is an installation; the
 * technician changes it in the visit's header if the work is something else.
 */
export const VISIT_TYPE_OF_REQUEST: Record<RequestKind, VisitType> = {
  incident: 'curative',
  'planned-visit': 'planned-visit',
  complementary: 'installation',
};

/** The visit a job starts: client, site, contract, equipment and header filled from the request. */
export function visitFromJob(
  job: Pick<PlannedJob, 'id' | 'clientId'>,
  request: InterventionRequest,
  contracts: readonly Pick<Contract, 'id' | 'clientId' | 'subscriptionVisitsPerYear'>[],
  arrival: JobArrival,
): NewVisit {
  const { representativeName, representativeRole, clientConfirmedBackup } =
    jobArrivalSchema.parse(arrival);
  const contract = contracts.find((c) => c.clientId === job.clientId);
  const remote = request.urgency === 'urgent' && request.urgentMode === 'remote';
  return {
    clientId: job.clientId,
    siteId: request.siteId,
    // A client without contract is billed at the company's default rates, as on NewVisitPage.
    contractId: contract?.id ?? defaultContractId(job.clientId),
    header: {
      mode: remote ? 'remote' : 'onsite',
      type: VISIT_TYPE_OF_REQUEST[request.kind],
      urgency: request.urgency,
      request: request.description,
      representative:
        representativeName === '' ? null : { name: representativeName, role: representativeRole },
      clientConfirmedBackup,
      // A planned infogérance visit counts against the subscription's visits (004 art. VI).
      includedInSubscription:
        request.kind === 'planned-visit' && (contract?.subscriptionVisitsPerYear ?? 0) > 0,
      // Response times count from the call (004 art. VI).
      requestedAt: request.calledAt,
    },
    equipmentIds: request.equipmentIds,
    jobId: job.id,
  };
}
