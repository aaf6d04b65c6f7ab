import { isDeepStrictEqual } from 'node:util';
import type { ConflictField } from '../../shared/sync/protocol';

export type MergeOutcome = {
  data: Record<string, unknown>;
  /** Fields whose value changed on the server. */
  appliedFields: string[];
  /** Fields another edit changed since `baseRevision`, to a different value: the server's value is kept. */
  conflicts: ConflictField[];
};

/**
 * Field-level three-way merge of an edit made on a device against the server's record.
 * `fieldRevisions` says at which revision each field last changed; a field changed after the
 * revision the device started from overlaps, unless both sides wrote the same value.
 */
export function mergeChanges(
  current: Readonly<Record<string, unknown>>,
  fieldRevisions: Readonly<Record<string, number>>,
  changes: Readonly<Record<string, unknown>>,
  baseRevision: number,
): MergeOutcome {
  const data: Record<string, unknown> = { ...current };
  const appliedFields: string[] = [];
  const conflicts: ConflictField[] = [];
  for (const [field, deviceValue] of Object.entries(changes)) {
    const serverValue = current[field];
    if (isDeepStrictEqual(serverValue, deviceValue)) continue;
    if ((fieldRevisions[field] ?? 0) > baseRevision) {
      conflicts.push({ field, serverValue: serverValue ?? null, deviceValue });
      continue;
    }
    data[field] = deviceValue;
    appliedFields.push(field);
  }
  return { data, appliedFields, conflicts };
}

/** Fields changed on the server after `baseRevision` (what a stale delete would throw away). */
export function fieldsChangedSince(
  current: Readonly<Record<string, unknown>>,
  fieldRevisions: Readonly<Record<string, number>>,
  baseRevision: number,
): ConflictField[] {
  return Object.entries(fieldRevisions)
    .filter(([, revision]) => revision > baseRevision)
    .map(([field]) => ({ field, serverValue: current[field] ?? null, deviceValue: null }));
}
