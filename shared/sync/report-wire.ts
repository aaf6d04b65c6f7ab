/**
 * A bordereau's two shapes. On the laptop a `reports` row keeps the report (shared/report
 * model: `status`, `content`, `seal`) under `report`, beside the fields its lists index; on
 * the wire and on the server the report's parts are the record itself (the server recomputes
 * the seal from them, report-record.ts). Only the nesting changes: the sealed content and its
 * hash travel untouched.
 */
const REPORT_PARTS = ['status', 'content', 'seal'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A local change as the server stores it: the report's parts lifted to the top. */
export function reportToWire(local: Record<string, unknown>): Record<string, unknown> {
  if (!isObject(local['report'])) return local;
  const { report, ...rest } = local;
  return { ...rest, ...(report as Record<string, unknown>) };
}

/** A pulled report as the laptop stores it: the parts under `report`, `status` also beside. */
export function reportFromWire(wire: Record<string, unknown>): Record<string, unknown> {
  if (!isObject(wire['content']) || 'report' in wire) return wire;
  const report: Record<string, unknown> = {};
  for (const key of REPORT_PARTS) if (key in wire) report[key] = wire[key];
  const { content: _content, seal: _seal, ...rest } = wire;
  return { ...rest, report };
}
