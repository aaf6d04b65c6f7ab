import Dexie, { type Table } from 'dexie';
import { uuidv7 } from 'uuidv7';
import type { Contract } from '../../shared/billing/contract';
import type { CatalogueItem } from '../../shared/inventory/catalogue-item';
import type { Client } from '../../shared/inventory/client';
import type { Contact } from '../../shared/inventory/contact';
import type { Equipment } from '../../shared/inventory/equipment';
import type { SyncedRecord } from '../../shared/inventory/record';
import type { Site } from '../../shared/inventory/site';
import type { InterventionRequest } from '../../shared/planning/request';
import type { PlannedJob } from '../../shared/planning/job';
import type { Subscription } from '../../shared/inventory/subscription';
import type { Mutation } from '../../shared/sync/mutation';
import type { EquipmentIndexFields } from './equipment-index';
import { SCHEMA_VERSIONS } from './schema';

/** The database name: never change it, or every laptop starts empty. */
export const DB_NAME = 'bordereau';

export type StoredEquipment = Equipment & EquipmentIndexFields;
export type StoredContract = Contract & Pick<SyncedRecord, 'revision' | 'updatedAt'>;
/** Tables filled by other features (interventions, reports, attachments) until they type them. */
export type LooseRecord = SyncedRecord & Record<string, unknown>;
/** An outbox row: a mutation whose `mutationId` IndexedDB assigns. */
export type OutboxEntry = Omit<Mutation, 'mutationId'> & { mutationId?: number };
export type KeyValue = { key: string; value: unknown };

export class BordereauDb extends Dexie {
  clients!: Table<Client, string>;
  sites!: Table<Site, string>;
  contacts!: Table<Contact, string>;
  contracts!: Table<StoredContract, string>;
  equipment!: Table<StoredEquipment, string>;
  subscriptions!: Table<Subscription, string>;
  catalogueItems!: Table<CatalogueItem, string>;
  technicianProfile!: Table<{ id: string } & Record<string, unknown>, string>;
  interventions!: Table<LooseRecord, string>;
  reports!: Table<LooseRecord, string>;
  attachments!: Table<{ id: string } & Record<string, unknown>, string>;
  requests!: Table<InterventionRequest, string>;
  jobs!: Table<PlannedJob, string>;
  outbox!: Table<OutboxEntry, number>;
  conflicts!: Table<{ id: string } & Record<string, unknown>, string>;
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
