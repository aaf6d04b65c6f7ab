import { entityDeclaration, findEntityDeclaration } from '../../shared/sync/entity-registry';
import type { EntityName } from '../../shared/sync/mutation';
import type { PulledRecord } from '../../shared/sync/protocol';

/**
 * Fields of a local record that describe its sync state rather than its content: the server
 * keeps its own (record id, revision, server time), so they are never sent as data. Sending
 * `updatedAt` would make every two concurrent edits "conflict" on the edit time alone.
 */
export const ENVELOPE_FIELDS = ['id', 'revision', 'updatedAt'] as const;

export function stripEnvelope(changes: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...changes };
  for (const key of ENVELOPE_FIELDS) delete copy[key];
  return copy;
}

/**
 * A change as the server stores it: without the envelope, in the wire's shape when the
 * entity declares another one (a bordereau, shared/sync/report-wire.ts).
 */
export function toWireChanges(
  entity: EntityName,
  changes: Record<string, unknown>,
): Record<string, unknown> {
  const wire = stripEnvelope(changes);
  const mapping = entityDeclaration(entity).wire;
  return mapping ? mapping.toWire(wire) : wire;
}

/** The local copy of a pulled record: its data in the local shape plus the server's envelope. */
export function toLocalRecord(
  record: PulledRecord,
): Record<string, unknown> & { id: string; revision: number; updatedAt: number } {
  const data: Record<string, unknown> = { ...(record.data ?? {}) };
  const mapping = findEntityDeclaration(record.entity)?.wire;
  return {
    ...(mapping ? mapping.fromWire(data) : data),
    id: record.recordId,
    revision: record.revision,
    updatedAt: record.updatedAt,
  };
}

/** The Dexie table holding an entity (the server's `syncConflicts` live in `conflicts`). */
export function tableNameOf(entity: EntityName): string {
  return entityDeclaration(entity).table;
}
