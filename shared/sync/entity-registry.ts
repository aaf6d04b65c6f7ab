import { z } from 'zod';
import { contractSchema } from '../billing/contract';
import { catalogueItemFieldsSchema } from '../inventory/catalogue-item';
import { EXPORT_FIELDS, FIELD_HEADERS } from '../inventory/csv/columns';
import { clientFieldsSchema } from '../inventory/client';
import { contactFieldsSchema } from '../inventory/contact';
import { equipmentFieldsSchema } from '../inventory/equipment';
import { siteFieldsSchema } from '../inventory/site';
import { subscriptionFieldsSchema } from '../inventory/subscription';
import { jobFieldsSchema } from '../planning/job';
import { requestFieldsSchema } from '../planning/request';
import { visitRecordSchema } from '../visit/visit-record';
import { attachmentRecordSchema } from './attachment-record';
import { CONFLICT_RESOLUTION_FIELDS, syncConflictDataSchema } from './conflict-record';
import type { EntityName } from './mutation';
import { reportRecordSchema } from './report-record';
import { reportFromWire, reportToWire } from './report-wire';

/**
 * Every synced entity, declared once. The sync protocol's names (`ENTITY_NAMES`, the wire's
 * and the server's) key this record, so the compiler refuses a name without a declaration;
 * from it come the server's validation, scope and write rules, blob access, the laptop's
 * blob uploads and wire mapping, the sync screens' labels and the latest Dexie stores.
 * Adding a field to an entity is a change to its schema alone: the server validates it, the
 * laptop stores and syncs it (docs/architecture.md, "Ajouter une entité ou un champ").
 */

/**
 * Whose records these are, which decides who sees them: `client`, the client company named
 * by `data.clientId`; `self`, the record IS the client company (its own id); `global`, every
 * account's (not tied to a client).
 */
export type EntityScope = 'client' | 'self' | 'global';

/**
 * Who may write records of the entity. `anyone`: the office and the technicians assigned to
 * the client. `office`: technicians read them (on-site client creation is the one exception,
 * server/sync/field-clients.ts). `server`: the server creates them; a device may only set
 * `deviceFields`, never delete them.
 */
export type EntityWriters =
  | { readonly kind: 'anyone' }
  | { readonly kind: 'office' }
  | { readonly kind: 'server'; readonly deviceFields: ReadonlySet<string> };

/** A path into a record's data, `*` standing for every element of an array. */
export type BlobPath = readonly string[];

/**
 * How a record changes shape between the laptop's table and the wire, when it does. Both
 * functions see the data without its envelope (id, revision, updatedAt).
 */
export interface WireMapping {
  /** A local change (whole record or some fields) as the server stores it. */
  readonly toWire: (local: Record<string, unknown>) => Record<string, unknown>;
  /** A pulled record's data as the laptop stores it. */
  readonly fromWire: (wire: Record<string, unknown>) => Record<string, unknown>;
}

export interface EntityDeclaration {
  /** The entity's name in code; the wire name (the registry's key) never changes. */
  readonly name: string;
  /** What the server checks a record's data against once a change is merged into it. */
  readonly schema: z.ZodType;
  /** The laptop's Dexie table and its indexes in Dexie's syntax (the latest version's). */
  readonly table: string;
  readonly indexes: string;
  readonly scope: EntityScope;
  readonly writers: EntityWriters;
  /**
   * Where the data names a blob (a photo, a PDF) by its SHA-256. Only these fields count:
   * the server lets a technician read a blob a live record of their clients names here,
   * never because a hash appears in some free text (a hash is not a secret), and the laptop
   * uploads the blobs a change names here. Signatures travel inline (PNG data URLs).
   */
  readonly blobReferences: readonly BlobPath[];
  /** Local ↔ wire shape, when they differ. */
  readonly wire?: WireMapping;
  /** As the sync screens and refusal notices name it. */
  readonly labels: { readonly singular: string; readonly plural: string };
  /**
   * Field names as the conflict list shows them, where the entity's own word differs from the
   * common one (renderer/features/sync/entity-labels.ts holds those).
   */
  readonly fieldLabels?: Readonly<Record<string, string>>;
}

/**
 * An equipment field as the office's spreadsheets name it: the CSV export's header
 * (shared/inventory/csv/columns.ts), so the conflict list and the file agree.
 */
const EQUIPMENT_FIELD_LABELS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(EXPORT_FIELDS.map((f) => [f, FIELD_HEADERS[f]])),
  siteId: FIELD_HEADERS.site,
  categoryLabel: FIELD_HEADERS.category,
  statusLabel: FIELD_HEADERS.status,
  secretRef: 'Référence du mot de passe',
};

/** Every record but a client or a global one names its client company. */
const scoped = z.object({ clientId: z.uuid() });
const ANYONE = { kind: 'anyone' } as const;
const OFFICE = { kind: 'office' } as const;

export const SYNCED_ENTITIES = {
  clients: {
    name: 'client',
    schema: clientFieldsSchema,
    table: 'clients',
    indexes: 'id, name, updatedAt',
    scope: 'self',
    writers: OFFICE,
    blobReferences: [],
    labels: { singular: 'Client', plural: 'Clients' },
  },
  sites: {
    name: 'site',
    schema: siteFieldsSchema,
    table: 'sites',
    indexes: 'id, clientId, updatedAt',
    scope: 'client',
    writers: ANYONE,
    blobReferences: [],
    labels: { singular: 'Site', plural: 'Sites' },
  },
  contacts: {
    name: 'contact',
    schema: contactFieldsSchema,
    table: 'contacts',
    indexes: 'id, clientId, siteId, updatedAt',
    scope: 'client',
    writers: ANYONE,
    blobReferences: [],
    labels: { singular: 'Contact', plural: 'Contacts' },
    fieldLabels: { role: 'Rôle', jobTitle: 'Fonction' },
  },
  contracts: {
    name: 'contract',
    schema: contractSchema.omit({ id: true }).and(scoped),
    table: 'contracts',
    indexes: 'id, clientId, updatedAt',
    scope: 'client',
    writers: OFFICE,
    blobReferences: [],
    labels: { singular: 'Contrat', plural: 'Contrats' },
  },
  equipment: {
    name: 'equipment',
    schema: equipmentFieldsSchema,
    table: 'equipment',
    indexes: 'id, clientId',
    scope: 'client',
    writers: ANYONE,
    blobReferences: [],
    labels: { singular: 'Équipement', plural: 'Équipements' },
    fieldLabels: EQUIPMENT_FIELD_LABELS,
  },
  subscriptions: {
    name: 'subscription',
    schema: subscriptionFieldsSchema,
    table: 'subscriptions',
    indexes: 'id, clientId, renewalDate, updatedAt',
    scope: 'client',
    writers: ANYONE,
    blobReferences: [],
    labels: { singular: 'Abonnement', plural: 'Abonnements' },
  },
  catalogueItems: {
    name: 'catalogueItem',
    schema: catalogueItemFieldsSchema,
    table: 'catalogueItems',
    indexes: 'id, kind, code, updatedAt',
    scope: 'global',
    writers: OFFICE,
    blobReferences: [],
    labels: { singular: 'Article du catalogue', plural: 'Articles du catalogue' },
  },
  interventions: {
    // "visit" in code; the table and the wire keep the name laptops in the field already use.
    name: 'visit',
    // The envelope (id, revision, updatedAt) is the server's own and never travels as data.
    schema: visitRecordSchema.omit({ id: true, revision: true, updatedAt: true }),
    table: 'interventions',
    indexes: 'id, clientId, status, startedAt, updatedAt, number',
    scope: 'client',
    writers: ANYONE,
    blobReferences: [['photos', '*', 'attachmentId']],
    labels: { singular: 'Intervention', plural: 'Interventions' },
  },
  reports: {
    name: 'report',
    // One shape on the laptop, the wire and the server (report-record.ts); the mapping only
    // reads the shape laptops stored before Dexie version 6 (report-wire.ts).
    schema: reportRecordSchema,
    table: 'reports',
    indexes: 'id, interventionId, clientId, content.number, status',
    scope: 'client',
    writers: ANYONE,
    blobReferences: [['content', 'photos', '*', 'sha256']],
    wire: { toWire: reportToWire, fromWire: reportFromWire },
    labels: { singular: 'Bordereau', plural: 'Bordereaux' },
  },
  attachments: {
    name: 'attachment',
    schema: attachmentRecordSchema,
    table: 'attachments',
    indexes: 'id, ownerId, kind',
    scope: 'client',
    writers: ANYONE,
    blobReferences: [['sha256']],
    labels: { singular: 'Pièce jointe', plural: 'Pièces jointes' },
  },
  requests: {
    name: 'request',
    schema: requestFieldsSchema,
    table: 'requests',
    indexes: 'id, clientId, calledAt',
    scope: 'client',
    // The office records calls; a technician may record one on site.
    writers: ANYONE,
    blobReferences: [],
    labels: { singular: 'Demande d’intervention', plural: 'Demandes d’intervention' },
  },
  jobs: {
    name: 'job',
    schema: jobFieldsSchema,
    table: 'jobs',
    indexes: 'id, clientId, requestId, date, *technicianIds',
    scope: 'client',
    // Finer than its kind says: the office owns the assignment, the technician only the work
    // (status, visits, round), and a technician pulls only the jobs assigned to them
    // (server/sync/job-ownership.ts, server/sync/pull.ts).
    writers: ANYONE,
    blobReferences: [],
    labels: { singular: 'Intervention planifiée', plural: 'Interventions planifiées' },
  },
  syncConflicts: {
    name: 'syncConflict',
    schema: syncConflictDataSchema,
    // The laptop's own name for the table, older than the entity.
    table: 'conflicts',
    indexes: 'id, entity, recordId, createdAt',
    scope: 'client',
    writers: { kind: 'server', deviceFields: CONFLICT_RESOLUTION_FIELDS },
    blobReferences: [],
    labels: { singular: 'Conflit', plural: 'Conflits' },
  },
} as const satisfies Record<EntityName, EntityDeclaration>;

/** The declaration of a wire entity. */
export function entityDeclaration(entity: EntityName): EntityDeclaration {
  return SYNCED_ENTITIES[entity];
}

/** The declaration of an entity named by a pulled record, undefined when unknown here (a newer server's). */
export function findEntityDeclaration(entity: string): EntityDeclaration | undefined {
  return Object.hasOwn(SYNCED_ENTITIES, entity) ? SYNCED_ENTITIES[entity as EntityName] : undefined;
}

/** The entity's name in code (`visit` for the wire's `interventions`). */
export type EntityCodeName = (typeof SYNCED_ENTITIES)[EntityName]['name'];

/** The wire entity of a name in code: `wireEntityOf('visit')` is `'interventions'`. */
export function wireEntityOf(name: EntityCodeName): EntityName {
  const found = (Object.keys(SYNCED_ENTITIES) as EntityName[]).find(
    (e) => SYNCED_ENTITIES[e].name === name,
  );
  // Unreachable: EntityCodeName is built from the declarations themselves.
  if (!found) throw new Error(`Entité inconnue : ${name}`);
  return found;
}
