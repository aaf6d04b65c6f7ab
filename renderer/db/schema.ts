import type { Transaction } from 'dexie';
import { SYNCED_ENTITIES } from '../../shared/sync/entity-registry';
import { ENTITY_NAMES } from '../../shared/sync/mutation';
import { reportRecordFromLegacy } from '../../shared/sync/report-wire';
import { equipmentIndexFieldsV2 } from './equipment-index';
import { ChunksBuilder, SEARCH_KEYS_TABLE } from './equipment-search-keys';
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
    // The first search after a start read every equipment record to build the in-memory
    // index (5–8 s on disk with 100,000 items): the search keys are now persisted, one
    // record per client, kept current in the same transaction as each equipment write
    // (renderer/db/equipment-search-keys.ts), built here from the stored equipment. And
    // fewer indexes per equipment record for imports: siteId was never queried, and the
    // duplicate checks read the client's items through clientId (the import did already).
    version: 4,
    stores: {
      equipment: 'id, clientId',
      [SEARCH_KEYS_TABLE]: 'clientId',
    },
    upgrade: async (tx) => {
      const equipment = tx.table('equipment');
      const builder = new ChunksBuilder();
      // Page by page: 100,000 records at once would all be in memory together.
      let last: string | null = null;
      for (;;) {
        const page: Record<string, unknown>[] = await (
          last === null ? equipment.orderBy(':id') : equipment.where(':id').above(last)
        )
          .limit(10_000)
          .toArray();
        builder.add(page);
        if (page.length < 10_000) break;
        last = String(page[page.length - 1]!.id);
      }
      const keys = tx.table(SEARCH_KEYS_TABLE);
      await keys.clear();
      await keys.bulkPut(builder.chunks());
    },
  },
  {
    // Planning (issue 15): the office's requests and planned jobs, synced. Jobs are read by
    // technician and day (the week view, « Aujourd'hui »), requests by client and call time.
    // The previous version skipped these entities in pulls (it did not know them) while its
    // cursor moved past them: the cursor goes back to the start so the next pull brings them
    // (every record comes again and replaces its copy; local changes stay in the outbox).
    version: 5,
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
  {
    // Bordereaux in one shape (shared/sync/report-record.ts): the report's parts (`status`,
    // `content`, `seal`) at the top of the row, as the wire and the office server have them,
    // instead of under `report` beside copies of its number, status and seal time. Each row is
    // rewritten, and so is each queued change of a report, so an outbox waiting for the
    // network sends the same shape. The parts move as they are: a sealed content and its
    // seal are the stored values themselves, so the hash still verifies. The number is
    // indexed in the content, and the unused seal-time index goes.
    version: 6,
    stores: {
      reports: 'id, interventionId, clientId, content.number, status',
    },
    upgrade: async (tx) => {
      await tx
        .table('reports')
        .toCollection()
        .modify((row: Record<string, unknown>, ref: { value: Record<string, unknown> }) => {
          ref.value = reportRecordFromLegacy(row);
        });
      await tx
        .table('outbox')
        .where('entity')
        .equals('reports')
        .modify((entry: { changes: Record<string, unknown> }) => {
          entry.changes = reportRecordFromLegacy(entry.changes);
        });
    },
  },
  {
    // An import's creations are queued as one outbox row per batch (renderer/db/outbox-row.ts)
    // rather than one row each. Nothing to rewrite; the version number itself is the point: an
    // older app, which would read such a row as one change and lose its records' creations,
    // now refuses to open this database (and a backup made by this one) instead.
    version: 7,
    stores: {},
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/** Tables of this laptop alone, never synced: their indexes are declared here. */
export const LOCAL_STORES: Readonly<Record<string, string>> = {
  technicianProfile: 'id',
  // The search keys of each client's equipment (renderer/db/equipment-search-keys.ts): local only, rebuilt from the equipment.
  equipmentSearchKeys: 'clientId',
  outbox: '++mutationId, entity, recordId, at',
  syncState: 'key',
  settings: 'key',
};

/**
 * What the latest version must amount to: each synced entity's table and indexes as its
 * declaration says (shared/sync/entity-registry.ts), plus the local tables. The history above
 * stays literal (a released version never changes); test/renderer/db/schema.test.ts checks
 * that the versions, applied in turn, give exactly this, so a declared index without a new
 * version fails.
 */
export const LATEST_STORES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    ENTITY_NAMES.map((e) => [SYNCED_ENTITIES[e].table, SYNCED_ENTITIES[e].indexes]),
  ),
  ...LOCAL_STORES,
};
