import type { Mutation } from '../../shared/sync/mutation';
import { SYNC_LIMITS } from '../../shared/sync/protocol';

/** Room kept in a push body for the envelope ({"deviceId":…,"sentAt":…,"mutations":[…]}). */
const ENVELOPE_BYTES = 256;

const encoder = new TextEncoder();

/**
 * Splits mutations (already in outbox order) into push batches within the server's limits
 * (count and body bytes), keeping the order. A single mutation bigger than the byte limit
 * goes alone: the server then refuses it precisely rather than the client stalling on it.
 */
export function pushBatches(
  mutations: readonly Mutation[],
  maxCount: number = SYNC_LIMITS.maxMutationsPerPush,
  maxBytes: number = SYNC_LIMITS.maxPushBytes,
): Mutation[][] {
  const batches: Mutation[][] = [];
  let current: Mutation[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const mutation of mutations) {
    const size = encoder.encode(JSON.stringify(mutation)).byteLength + 1;
    if (current.length > 0 && (current.length >= maxCount || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = ENVELOPE_BYTES;
    }
    current.push(mutation);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
