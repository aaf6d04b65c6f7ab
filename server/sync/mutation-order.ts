import type { PushRequest } from '../../shared/sync/protocol';

/**
 * Whether a batch can be applied in order, given the device's last processed mutation id and
 * the stored outcomes of the batch's ids at or below it.
 *
 * Exactly-once only holds if the server never answers for an id it did not process. Two
 * cases would make it do so:
 * - the batch starts after an id the server has not reached (`previousMutationId` > last):
 *   an earlier batch of the device is missing, sent at the same time or lost. Applying this
 *   one would move the last id past the earlier batch, whose mutations would then all look
 *   processed;
 * - the batch holds an id at or below the last one that has no stored outcome: it was
 *   skipped (declared so by a later batch, or overtaken by one sent concurrently without a
 *   declaration), so it was never applied and must not be acknowledged.
 *
 * Either way the whole batch is refused (`gap`), nothing applied, and the device resends from
 * the first entry above the last id.
 */
export function hasGap(
  last: number,
  request: Pick<PushRequest, 'previousMutationId' | 'mutations'>,
  processed: ReadonlySet<number>,
): boolean {
  if (request.previousMutationId !== undefined && request.previousMutationId > last) return true;
  return request.mutations.some((m) => m.mutationId <= last && !processed.has(m.mutationId));
}
