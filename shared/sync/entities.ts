import { z } from 'zod';
import { contractSchema } from '../billing/contract';
import { catalogueItemFieldsSchema } from '../inventory/catalogue-item';
import { clientFieldsSchema } from '../inventory/client';
import { contactFieldsSchema } from '../inventory/contact';
import { equipmentFieldsSchema } from '../inventory/equipment';
import { siteFieldsSchema } from '../inventory/site';
import { subscriptionFieldsSchema } from '../inventory/subscription';
import { jobFieldsSchema } from '../planning/job';
import { requestFieldsSchema } from '../planning/request';
import { visitRecordSchema } from '../visit/visit-record';
import { attachmentRecordSchema } from './attachment-record';
import { syncConflictDataSchema } from './conflict-record';
import type { EntityName } from './mutation';
import { reportRecordSchema } from './report-record';

/**
 * What the server checks on a record's data once a mutation is merged into it, per entity:
 * the same zod schemas the app uses, every entity included. Only the check's verdict is
 * used: the stored data is what the device sent, not zod's output.
 *
 * Every record but a `clients` record or a global one (catalogue) carries `clientId`: the
 * client company it belongs to, which decides who may see and edit it (a client record's
 * scope is its own id).
 */
const scoped = z.object({ clientId: z.uuid() });

export const ENTITY_DATA_SCHEMAS: Record<EntityName, z.ZodType> = {
  clients: clientFieldsSchema,
  sites: siteFieldsSchema,
  contacts: contactFieldsSchema,
  contracts: contractSchema.omit({ id: true }).and(scoped),
  equipment: equipmentFieldsSchema,
  subscriptions: subscriptionFieldsSchema,
  catalogueItems: catalogueItemFieldsSchema,
  // The envelope (id, revision, updatedAt) is the server's own and never travels as data.
  interventions: visitRecordSchema.omit({ id: true, revision: true, updatedAt: true }),
  reports: reportRecordSchema,
  attachments: attachmentRecordSchema,
  requests: requestFieldsSchema,
  jobs: jobFieldsSchema,
  syncConflicts: syncConflictDataSchema,
};

/**
 * Where each entity's data names a blob (a photo, a signed PDF, an attachment's bytes) by its
 * SHA-256: paths into the record, `*` standing for every element of an array. Only these
 * fields count as references: the server lets a technician read a blob a live record of their
 * clients names here, never because a hash appears in some free text (a hash is not a
 * secret), and the laptop uploads the blobs a mutation names here. Signatures travel inline
 * (PNG data URLs), not as blobs.
 */
export const BLOB_REFERENCE_PATHS: Partial<Record<EntityName, readonly (readonly string[])[]>> = {
  interventions: [['photos', '*', 'attachmentId']],
  reports: [['content', 'photos', '*', 'sha256']],
  attachments: [['sha256']],
};

/** Entities visible to every account, not tied to a client. */
export const GLOBAL_ENTITIES: ReadonlySet<EntityName> = new Set<EntityName>(['catalogueItems']);

/** Entities only the office may write: technicians read them. */
export const OFFICE_ONLY_ENTITIES: ReadonlySet<EntityName> = new Set<EntityName>([
  'clients',
  'contracts',
  'catalogueItems',
]);

/** Entities only the server writes (a device may update them, e.g. mark a conflict resolved, never create them). */
export const SERVER_CREATED_ENTITIES: ReadonlySet<EntityName> = new Set<EntityName>([
  'syncConflicts',
]);

/**
 * The client company a record belongs to: its own id for a client, null for a global record,
 * `data.clientId` otherwise (undefined when missing or not a UUID).
 */
export function recordClientId(
  entity: EntityName,
  recordId: string,
  data: Record<string, unknown>,
): string | null | undefined {
  if (entity === 'clients') return recordId;
  if (GLOBAL_ENTITIES.has(entity)) return null;
  const clientId = data['clientId'];
  return typeof clientId === 'string' && z.uuid().safeParse(clientId).success
    ? clientId
    : undefined;
}
