import type { SyncedRecord } from '../../shared/inventory/record';
import { deleteRecord, putRecord, updateRecord } from '../db/changes';
import type { BordereauDb } from '../db/database';
import type { ConflictRecord, FieldChoice } from './conflict-record';
import { conflictRecordSchema } from './conflict-record';
import { RECOVERY_PREFIX } from './dexie-sync-store';
import { tableNameOf } from './wire-record';

export class ConflictResolutionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictResolutionError';
  }
}

/**
 * Applies the user's decision on a conflict: the values kept from this side are written as
 * a new local change (queued for the server like any edit), and the conflict is marked
 * resolved on the server too, so other laptops stop showing it. Choosing the other side's
 * value needs no write: the local copy already shows what the server kept.
 *
 * `choices` maps each conflicting field to 'mine' (the value of the edit that lost) or
 * 'theirs' (what the server kept); a field left out counts as 'theirs'.
 */
export async function resolveConflict(
  db: BordereauDb,
  conflictId: string,
  choices: Readonly<Record<string, FieldChoice>>,
  now: number = Date.now(),
): Promise<void> {
  const table = db.table(tableNameOf(entityOf(await db.conflicts.get(conflictId), conflictId)));
  await db.transaction('rw', [table, db.conflicts, db.outbox, db.syncState], async () => {
    const conflict = conflictRecordSchema.parse(await db.conflicts.get(conflictId));
    if (conflict.resolved) throw new ConflictResolutionError('Ce conflit est déjà résolu.');
    const mine = conflict.fields.filter((f) => choices[f.field] === 'mine');
    await applyChoice(db, conflict, mine, now);
    const resolution = Object.fromEntries(
      conflict.fields.map((f) => [f.field, choices[f.field] ?? 'theirs']),
    );
    const changes = { resolved: true, resolution, resolvedAt: now };
    await db.conflicts.update(conflictId, changes);
    // The local `conflicts` table stands for the server's `syncConflicts` entity, which the
    // generic write path (named after tables) cannot address: its outbox entry is written here.
    await db.outbox.add({
      entity: 'syncConflicts',
      recordId: conflictId,
      op: 'upsert',
      baseRevision: conflict.revision,
      changes,
      at: now,
    });
  });
}

function entityOf(row: unknown, conflictId: string): ConflictRecord['entity'] {
  const parsed = conflictRecordSchema.safeParse(row);
  if (!parsed.success)
    throw new ConflictResolutionError(
      `Conflit introuvable (${conflictId}) : il a peut-être déjà été résolu sur un autre poste.`,
    );
  return parsed.data.entity;
}

async function applyChoice(
  db: BordereauDb,
  conflict: ConflictRecord,
  mine: ConflictRecord['fields'],
  now: number,
): Promise<void> {
  if (mine.length === 0) return;
  const values = Object.fromEntries(mine.map((f) => [f.field, f.deviceValue]));
  switch (conflict.kind) {
    case 'edit':
      await updateRecord(db, conflict.entity, conflict.recordId, values as Partial<SyncedRecord>, {
        now,
      });
      return;
    case 'editVsDelete': {
      // Deleted elsewhere, kept here: bring the whole record back (the last local copy, kept
      // when the deletion arrived) with this side's values, based on the tombstone's revision.
      const recoveryKey = `${RECOVERY_PREFIX}${conflict.entity}:${conflict.recordId}`;
      const recovered = (await db.syncState.get(recoveryKey))?.value;
      const base =
        typeof recovered === 'object' && recovered !== null
          ? (recovered as Record<string, unknown>)
          : {};
      const record = {
        ...base,
        ...(conflict.clientId ? { clientId: conflict.clientId } : {}),
        ...values,
        id: conflict.recordId,
        revision: conflict.serverRevision ?? null,
        updatedAt: now,
      };
      await putRecord(db, conflict.entity, record as SyncedRecord, { now });
      await db.syncState.delete(recoveryKey);
      return;
    }
    case 'deleteVsEdit':
      // Deleted here, edited elsewhere: confirm the deletion.
      await deleteRecord(db, conflict.entity, conflict.recordId, { now });
      return;
  }
}
