import { CONFLICT_KIND_LABELS } from '../../sync/conflict-record';
import type { ConflictRecord, FieldChoice } from '../../sync/conflict-record';
import { resolveConflict } from '../../sync/resolve-conflict';
import type { SyncDeps } from './sync-deps';

export { CONFLICT_KIND_LABELS };
export type { ConflictRecord, FieldChoice };

/** Settles a conflict field by field (mine or theirs), then syncs the outcome. */
export async function settleConflict(
  deps: Pick<SyncDeps, 'db' | 'syncNow'>,
  input: { readonly conflictId: string; readonly choices: Record<string, FieldChoice> },
): Promise<void> {
  await resolveConflict(deps.db, input.conflictId, input.choices);
  void deps.syncNow();
}
