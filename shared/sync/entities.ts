import { z } from 'zod';
import { SYNCED_ENTITIES, entityDeclaration } from './entity-registry';
import type { BlobPath } from './entity-registry';
import type { EntityName } from './mutation';
import { ENTITY_NAMES } from './mutation';

/**
 * What the server and the laptop read of the entity registry (entity-registry.ts), per
 * concern. Nothing here is declared: every value is derived from the declarations.
 */

function entitiesWhere(test: (e: EntityName) => boolean): ReadonlySet<EntityName> {
  return new Set(ENTITY_NAMES.filter(test));
}

/**
 * What the server checks on a record's data once a mutation is merged into it, per entity:
 * the same zod schemas the app uses, every entity included. Only the check's verdict is
 * used: the stored data is what the device sent, not zod's output.
 */
export const ENTITY_DATA_SCHEMAS: Record<EntityName, z.ZodType> = Object.fromEntries(
  ENTITY_NAMES.map((e) => [e, entityDeclaration(e).schema]),
) as Record<EntityName, z.ZodType>;

/** The declared blob reference paths of the entities that have any. */
export const BLOB_REFERENCE_PATHS: Partial<Record<EntityName, readonly BlobPath[]>> =
  Object.fromEntries(
    ENTITY_NAMES.filter((e) => SYNCED_ENTITIES[e].blobReferences.length > 0).map((e) => [
      e,
      SYNCED_ENTITIES[e].blobReferences,
    ]),
  );

/** Entities visible to every account, not tied to a client. */
export const GLOBAL_ENTITIES = entitiesWhere((e) => SYNCED_ENTITIES[e].scope === 'global');

/** Entities only the office may write: technicians read them. */
export const OFFICE_ONLY_ENTITIES = entitiesWhere(
  (e) => SYNCED_ENTITIES[e].writers.kind === 'office',
);

/** Entities only the server creates (a device may update some fields, never create them). */
export const SERVER_CREATED_ENTITIES = entitiesWhere(
  (e) => SYNCED_ENTITIES[e].writers.kind === 'server',
);

/**
 * The client company a record belongs to: its own id for a client, null for a global record,
 * `data.clientId` otherwise (undefined when missing or not a UUID).
 */
export function recordClientId(
  entity: EntityName,
  recordId: string,
  data: Record<string, unknown>,
): string | null | undefined {
  const scope = SYNCED_ENTITIES[entity].scope;
  if (scope === 'self') return recordId;
  if (scope === 'global') return null;
  const clientId = data['clientId'];
  return typeof clientId === 'string' && z.uuid().safeParse(clientId).success
    ? clientId
    : undefined;
}

/**
 * The fields a device may set on a record the server writes (null: any field), see
 * server/sync/server-written.ts.
 */
export function deviceWritableFields(entity: EntityName): ReadonlySet<string> | null {
  const writers = SYNCED_ENTITIES[entity].writers;
  return writers.kind === 'server' ? writers.deviceFields : null;
}
