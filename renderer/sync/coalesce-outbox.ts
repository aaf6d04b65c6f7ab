import type { Mutation } from '../../shared/sync/mutation';

/**
 * Folds the pending changes of each record into one mutation before a push.
 *
 * Every local change of a record is based on the revision the device had when it began
 * editing, so two offline edits of the same record (or a creation then an edit) carry the
 * same base revision: sent one by one, the second would "conflict" with the first, the
 * server seeing fields changed after that base. Folded, the server sees one edit from that
 * base, and a real overlap with another device is still detected.
 *
 * The folded mutation takes the id of the record's LAST change (gaps are allowed by the
 * protocol) and the result is ordered by id, so the server's last-applied id only moves
 * past a change once that change has been sent.
 */
export function coalesceMutations(mutations: readonly Mutation[]): Mutation[] {
  const byRecord = new Map<string, Mutation>();
  for (const m of mutations) {
    const key = `${m.entity}:${m.recordId}`;
    const previous = byRecord.get(key);
    if (!previous) {
      byRecord.set(key, { ...m, changes: { ...m.changes } });
      continue;
    }
    byRecord.set(key, {
      ...m,
      baseRevision: previous.baseRevision,
      // A delete drops what came before; an upsert after a delete starts again from its own fields.
      changes:
        m.op === 'delete'
          ? {}
          : previous.op === 'delete'
            ? { ...m.changes }
            : { ...previous.changes, ...m.changes },
    });
  }
  return [...byRecord.values()].sort((a, b) => a.mutationId - b.mutationId);
}
