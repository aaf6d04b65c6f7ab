import Dexie, { type Table } from 'dexie';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import type { SyncedRecord } from '../../shared/inventory/record';
import type { SYNCED_ENTITIES } from '../../shared/sync/entity-registry';
import type { EntityName } from '../../shared/sync/mutation';
import type { EquipmentIndexFields } from './equipment-index';
import type { OutboxRow } from './outbox-row';
import type { Attachment } from './repositories/attachments';
import type { SearchKeysChunk } from './equipment-search-keys';
import { equipmentSearchKeysMiddleware } from './equipment-search-keys-middleware';
import { SCHEMA_VERSIONS } from './schema';

/** The database name: never change it, or every laptop starts empty. */
export const DB_NAME = 'bordereau';

/**
 * A synced entity's record as its table keeps it: the data its declaration's schema describes
 * (shared/sync/entity-registry.ts) inside the envelope (id, revision, updatedAt). A field
 * added to the declaration's schema types the table, its repositories and their callers.
 */
export type EntityRecord<E extends EntityName> = z.output<(typeof SYNCED_ENTITIES)[E]['schema']> &
  SyncedRecord;

export type StoredEquipment = EntityRecord<'equipment'> & EquipmentIndexFields;
export type StoredContract = EntityRecord<'contracts'>;
export type StoredVisit = EntityRecord<'interventions'>;
/** A bordereau in its one shape (shared/sync/report-record.ts). */
export type StoredReport = EntityRecord<'reports'>;
/**
 * A conflict as the server recorded it, with the two fields this laptop's older `conflicts`
 * table indexes (the entity and record are the server's; `createdAt` is its `detectedAt`).
 */
export type StoredConflict = EntityRecord<'syncConflicts'> & { readonly createdAt: number };
/** A record of any synced table, read without knowing which (sync, backup, conflicts). */
export type LooseRecord = SyncedRecord & Record<string, unknown>;
export type { OutboxEntry } from './outbox-row';
export type KeyValue = { key: string; value: unknown };

export class BordereauDb extends Dexie {
  clients!: Table<EntityRecord<'clients'>, string>;
  sites!: Table<EntityRecord<'sites'>, string>;
  contacts!: Table<EntityRecord<'contacts'>, string>;
  contracts!: Table<StoredContract, string>;
  equipment!: Table<StoredEquipment, string>;
  /** Derived from `equipment` (equipment-search-keys.ts): never write it directly. */
  equipmentSearchKeys!: Table<SearchKeysChunk, string>;
  subscriptions!: Table<EntityRecord<'subscriptions'>, string>;
  catalogueItems!: Table<EntityRecord<'catalogueItems'>, string>;
  technicianProfile!: Table<{ id: string } & Record<string, unknown>, string>;
  interventions!: Table<StoredVisit, string>;
  reports!: Table<StoredReport, string>;
  /**
   * The files this laptop keeps, keyed by their SHA-256 (repositories/attachments.ts: only
   * their blobs are uploaded), and the `attachments` records pulled from the server, in the
   * entity's shape (with the bytes already here, when they are).
   */
  attachments!: Table<Attachment | EntityRecord<'attachments'>, string>;
  requests!: Table<EntityRecord<'requests'>, string>;
  jobs!: Table<EntityRecord<'jobs'>, string>;
  /** Single changes and import batches of creations (outbox-row.ts): read it through outbox.ts. */
  outbox!: Table<OutboxRow, number>;
  conflicts!: Table<StoredConflict, string>;
  syncState!: Table<KeyValue, string>;
  settings!: Table<KeyValue, string>;

  /** `upTo` declares only the versions up to that one (migration tests open an old schema). */
  constructor(
    name: string = DB_NAME,
    options: { upTo?: number; indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
  ) {
    super(
      name,
      options.indexedDB
        ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange }
        : undefined,
    );
    this.use(equipmentSearchKeysMiddleware);
    for (const v of SCHEMA_VERSIONS) {
      if (options.upTo !== undefined && v.version > options.upTo) break;
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
    // The device's identity in the outbox: made once, when the database is created.
    this.on('populate', (tx) => {
      void tx.table('settings').add({ key: DEVICE_ID_KEY, value: uuidv7() });
    });
  }
}

export const DEVICE_ID_KEY = 'deviceId';

export function openDb(name: string = DB_NAME): BordereauDb {
  return new BordereauDb(name);
}

let current: BordereauDb | null = null;

/** The app's database, opened on first use. */
export function getDb(): BordereauDb {
  return (current ??= openDb());
}

/** For tests and the restore screen: swap the module-level database. */
export function setDb(instance: BordereauDb | null): void {
  current = instance;
}

/** This laptop's id (UUIDv7), created if a database somehow lacks it. */
export async function getDeviceId(db: BordereauDb): Promise<string> {
  return db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(DEVICE_ID_KEY);
    if (typeof row?.value === 'string') return row.value;
    const id = uuidv7();
    await db.settings.put({ key: DEVICE_ID_KEY, value: id });
    return id;
  });
}
