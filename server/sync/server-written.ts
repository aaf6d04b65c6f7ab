import { SERVER_CREATED_ENTITIES, deviceWritableFields } from '../../shared/sync/entities';
import type { Mutation } from '../../shared/sync/mutation';

/**
 * Why a device may not make this edit of a record the server writes (a `syncConflicts`
 * record), or null. Such a record is the server's account of what collided: a device may
 * only set the fields its declaration allows (the resolution, shared/sync/entity-registry.ts),
 * never change what it says nor delete it. The office is bound the same way: the record is
 * evidence, not data to edit.
 */
export function serverWrittenEditRefusal(m: Mutation): string | null {
  if (!SERVER_CREATED_ENTITIES.has(m.entity)) return null;
  if (m.op === 'delete') return 'Un conflit de synchronisation ne peut pas être supprimé.';
  const allowed = deviceWritableFields(m.entity) ?? new Set<string>();
  const other = Object.keys(m.changes).filter((field) => !allowed.has(field));
  return other.length > 0
    ? `Seule la résolution d’un conflit peut être modifiée (champ refusé : ${other.slice(0, 3).join(', ')}).`
    : null;
}
