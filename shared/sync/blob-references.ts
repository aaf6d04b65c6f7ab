import { SYNCED_ENTITIES } from './entity-registry';
import type { BlobPath } from './entity-registry';
import type { EntityName } from './mutation';

const SHA256_HEX = /^[0-9a-f]{64}$/;

function collect(value: unknown, path: BlobPath, into: Set<string>): void {
  if (path.length === 0) {
    if (typeof value === 'string' && SHA256_HEX.test(value)) into.add(value);
    return;
  }
  const [step, ...rest] = path as [string, ...string[]];
  if (step === '*') {
    if (Array.isArray(value))
      for (const element of value as unknown[]) collect(element, rest, into);
    return;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    collect((value as Record<string, unknown>)[step], rest, into);
  }
}

/**
 * The blobs a record's data (or an edit's changes) names in its declared reference fields
 * (entity-registry.ts), in the wire's shape: never a hash-like string found elsewhere.
 */
export function blobReferences(
  entity: EntityName,
  data: Readonly<Record<string, unknown>>,
): string[] {
  const found = new Set<string>();
  for (const path of SYNCED_ENTITIES[entity].blobReferences) collect(data, path, found);
  return [...found];
}

/** A declared path as an SQL/JSON path (`$.photos[*].attachmentId`), for the server's queries. */
export function jsonPathOf(path: BlobPath): string {
  return '$' + path.map((step) => (step === '*' ? '[*]' : `.${step}`)).join('');
}
