import { CONFLICT_RESOLUTION_FIELDS } from '../../shared/sync/conflict-record';
import type { Mutation } from '../../shared/sync/mutation';

/**
 * Why a device may not make this edit of a record the server writes (a `syncConflicts`
 * record), or null. Such a record is the server's account of what collided: a device may
 * only mark it resolved (`CONFLICT_RESOLUTION_FIELDS`), never change what it says nor delete
 * it. The office is bound the same way: the record is evidence, not data to edit.
 */
export function serverWrittenEditRefusal(m: Mutation): string | null {
  if (m.entity !== 'syncConflicts') return null;
  if (m.op === 'delete') return 'Un conflit de synchronisation ne peut pas être supprimé.';
  const other = Object.keys(m.changes).filter((field) => !CONFLICT_RESOLUTION_FIELDS.has(field));
  return other.length > 0
    ? `Seule la résolution d’un conflit peut être modifiée (champ refusé : ${other.slice(0, 3).join(', ')}).`
    : null;
}
