import type { Transaction } from 'dexie';
import { equipmentIndexFieldsV2 } from './equipment-index';
import { SYNC_STATE_KEYS } from './sync-state-keys';

/**
 * The local database's schema, one entry per version, oldest first. Never edit a released
 * version: add a new one (Dexie keeps every declared version so a laptop several releases
 * behind upgrades step by step). Index strings use Dexie's syntax (first key = primary key,
 * `++` auto-increment, `*` multi-entry, `[a+b]` compound).
 */
export interface SchemaVersion {
  readonly version: number;
  readonly stores: Readonly<Record<string, string | null>>;
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      clients: 'id, name, updatedAt',
      sites: 'id, clientId, updatedAt',
      contacts: 'id, clientId, siteId, updatedAt',
      contracts: 'id, clientId, updatedAt',
      equipment: 'id, clientId, siteId, serialNumber, assetTag, updatedAt',
      subscriptions: 'id, clientId, renewalDate, updatedAt',
      catalogueItems: 'id, kind, code, updatedAt',
      technicianProfile: 'id',
      interventions: 'id, clientId, status, startedAt, updatedAt, number',
      reports: 'id, interventionId, clientId, number, status, sealedAt',
      attachments: 'id, ownerId, kind',
      outbox: '++mutationId, entity, recordId, at',
      conflicts: 'id, entity, recordId, createdAt',
      syncState: 'key',
      settings: 'key',
    },
  },
  {
    // Search by any part of a serial number or asset tag, and duplicate-serial checks per
    // client, through indexes rather than scans of 100,000 records: each record gets a
    // normalised serial key and its search tokens, computed here for the records of v1.
    // Changing how tokens are made (shared/inventory/search-key.ts) needs a new version that
    // recomputes them the same way.
    version: 2,
    stores: {
      // The raw serialNumber and assetTag indexes of v1 go: the normalised keys replace them,
      // and every index costs time on each write (a 10,000-row import writes them all).
      equipment: 'id, clientId, siteId, updatedAt, [clientId+serialKey], *searchTokens',
    },
    upgrade: async (tx) => {
      await tx
        .table('equipment')
        .toCollection()
        .modify((record: Record<string, unknown>) => {
          Object.assign(record, equipmentIndexFieldsV2(record));
        });
    },
  },
  {
    // On disk (the desktop app's profile) the multi-entry token index cost most of an
    // import: ~15 index entries per record, 11.9 s of raw writes for 10,000 rows. Search now
    // runs on an index held in memory (renderer/db/equipment-search.ts) with the same
    // results; the unused updatedAt index goes too. Records keep their stale searchTokens
    // until next written (stripping them from 100,000 records here would stall the first
    // start of this version for tens of seconds on disk); they are never synced.
    version: 3,
    stores: {
      equipment: 'id, clientId, siteId, [clientId+serialKey]',
    },
  },
  {
    // Planning (issue 15): the office's requests and planned jobs, synced. Jobs are read by
    // technician and day (the week view, « Aujourd'hui »), requests by client and call time.
    // The previous version skipped these entities in pulls (it did not know them) while its
    // cursor moved past them: the cursor goes back to the start so the next pull brings them
    // (every record comes again and replaces its copy; local changes stay in the outbox).
    version: 4,
    stores: {
      requests: 'id, clientId, calledAt',
      jobs: 'id, clientId, requestId, date, *technicianIds',
    },
    upgrade: async (tx) => {
      const syncState = tx.table('syncState');
      if (await syncState.get(SYNC_STATE_KEYS.cursor)) {
        await syncState.put({ key: SYNC_STATE_KEYS.cursor, value: '0' });
      }
    },
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
