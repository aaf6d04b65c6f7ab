/**
 * The bordereau's shape before Dexie version 6, and how it becomes the one shape
 * (report-record.ts). A laptop stored the report (`status`, `content`, `seal`) under `report`,
 * beside copies of its number, status and seal time for its indexes; its outbox queued that
 * shape, its backups hold it, and the records it pushed carry the copies (the wire lifted the
 * report to the top, keeping them). Each place where that shape can still turn up maps it
 * here: the Dexie upgrade and a backup restore rewrite the stored rows and outbox changes,
 * a pull drops the copies, a push lifts an outbox change queued before the upgrade.
 * Only the nesting changes: the sealed content and its hash are the same objects, untouched.
 */
const REPORT_PARTS = ['status', 'content', 'seal'] as const;
/** Copies of the report's number and seal time that older laptops kept beside it. */
const LEGACY_COPIES = ['number', 'sealedAt'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A change queued before version 6: the report's parts lifted to the top, as the server stores them. */
export function reportToWire(local: Record<string, unknown>): Record<string, unknown> {
  const nested = local['report'];
  if (!isObject(nested)) return local;
  const { report: _report, ...rest } = local;
  const lifted: Record<string, unknown> = { ...rest };
  for (const key of REPORT_PARTS) if (key in nested) lifted[key] = nested[key];
  return lifted;
}

/**
 * Any report record data in the one shape: the parts lifted out of a legacy `report`, the
 * legacy copies dropped. Data already in the one shape comes back equal.
 */
export function reportRecordFromLegacy(data: Record<string, unknown>): Record<string, unknown> {
  const lifted = reportToWire(data);
  const copy = lifted === data ? { ...data } : lifted;
  for (const key of LEGACY_COPIES) delete copy[key];
  return copy;
}

/** A pulled report as the laptop stores it: a record an older laptop pushed loses its copies. */
export function reportFromWire(wire: Record<string, unknown>): Record<string, unknown> {
  return reportRecordFromLegacy(wire);
}
