import type { InterventionRequest, RequestFields } from '../../../shared/planning/request';
import { requestFieldsSchema, requestSchema } from '../../../shared/planning/request';
import { putRecord } from '../../db/changes';
import { newRecordMeta } from '../../db/repositories/new-record';
import type { PlanningDeps } from './planning-deps';

/**
 * Records a request (a client's call, an e-mail, a need seen on site): validated by the shared
 * schema, its site and equipment checked against the client, then saved and queued for sync.
 */
export async function recordRequest(
  deps: PlanningDeps,
  input: RequestFields,
): Promise<InterventionRequest> {
  const fields = requestFieldsSchema.parse(input);
  const site = await deps.db.sites.get(fields.siteId);
  if (!site || site.clientId !== fields.clientId) {
    throw new Error('Ce site n’appartient pas au client choisi.');
  }
  const equipment = await deps.db.equipment.bulkGet(fields.equipmentIds);
  if (equipment.some((e) => !e || e.clientId !== fields.clientId)) {
    throw new Error('Un équipement choisi n’appartient pas au client.');
  }
  const now = deps.now();
  const request = requestSchema.parse({ ...fields, ...newRecordMeta(now) });
  return putRecord(deps.db, 'requests', request, { now });
}
