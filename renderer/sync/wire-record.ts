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

/** The parts of a bordereau the server checks the seal of: they travel at the top of the record. */
const REPORT_PARTS = ['status', 'content', 'seal'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A change as the server stores it. Locally a bordereau row keeps the report under `report`
 * beside its list fields; on the server the report's `status`, `content` and `seal` are the
 * record itself (the server recomputes the seal from them).
 */
export function toWireChanges(
  entity: EntityName,
  changes: Record<string, unknown>,
): Record<string, unknown> {
  const wire = stripEnvelope(changes);
  if (entity === 'reports' && isObject(wire['report'])) {
    const { report, ...rest } = wire;
    return { ...rest, ...(report as Record<string, unknown>) };
  }
  return wire;
}

/** The local copy of a pulled record: its data plus the envelope the server sent. */
export function toLocalRecord(
  record: PulledRecord,
): Record<string, unknown> & { id: string; revision: number; updatedAt: number } {
  let data: Record<string, unknown> = { ...(record.data ?? {}) };
  if (record.entity === 'reports' && isObject(data['content']) && !('report' in data)) {
    const report: Record<string, unknown> = {};
    for (const key of REPORT_PARTS) if (key in data) report[key] = data[key];
    const { content: _content, seal: _seal, ...rest } = data;
    data = { ...rest, report };
  }
  return { ...data, id: record.recordId, revision: record.revision, updatedAt: record.updatedAt };
}

/**
 * The Dexie table holding an entity: the server's `syncConflicts` records live in the local
 * `conflicts` table; every other entity has a table of its own name.
 */
export function tableNameOf(entity: EntityName): string {
  return entity === 'syncConflicts' ? 'conflicts' : entity;
}
