import type { ConflictField } from '../../shared/sync/protocol';
import { SYNC_LIMITS } from '../../shared/sync/protocol';

/** Room left in a conflict record for everything but its fields (ids, names, instants). */
const CONFLICT_ENVELOPE_BYTES = 4 * 1024;

/**
 * Why the conflict these fields would make cannot be recorded, or null. A conflict record is a
 * record like any other, under the same 256 KiB limit (SYNC_LIMITS.maxRecordBytes): an edit
 * whose overlap holds both sides of large fields would make one far larger (an edit of a
 * deleted record holds the whole edit, up to a push's 1 MiB). Rather than store it, or drop
 * one side silently, the mutation is refused: the laptop keeps it for the user.
 */
export function conflictTooLarge(fields: readonly ConflictField[]): string | null {
  const bytes = Buffer.byteLength(JSON.stringify(fields));
  const max = SYNC_LIMITS.maxRecordBytes - CONFLICT_ENVELOPE_BYTES;
  if (bytes <= max) return null;
  return `Modification en conflit trop volumineuse pour être conservée (${bytes} octets, ${max} au plus) : reprenez-la après synchronisation.`;
}
