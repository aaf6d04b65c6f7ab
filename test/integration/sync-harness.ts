import { createHash } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { canonicalJson } from '../../shared/report/canonical-json';
import { ENTITY_NAMES } from '../../shared/sync/mutation';
import type { EntityName } from '../../shared/sync/mutation';
import { BordereauDb } from '../../renderer/db/database';
import { createClient as createLocalClient } from '../../renderer/db/repositories/clients';
import { EQUIPMENT_INDEX_FIELDS } from '../../renderer/db/equipment-index';
import { SyncApi } from '../../renderer/sync/api-client';
import { DexieSyncStore } from '../../renderer/sync/dexie-sync-store';
import type { SyncCycleResult } from '../../renderer/sync/sync-engine';
import { runSyncCycle } from '../../renderer/sync/sync-engine';
import type { Transport } from '../../renderer/sync/transport';
import { fetchTransport } from '../../renderer/sync/transport';
import { stripEnvelope, tableNameOf, toLocalRecord } from '../../renderer/sync/wire-record';
import { afterEach, beforeEach } from 'vitest';
import { startTestServer, stopPostgres } from '../server/helpers';
import type { Backend, TestAccount, TestServer } from '../server/helpers';

/**
 * A simulated laptop: its own IndexedDB (fake-indexeddb, one factory per device), the real
 * Dexie database and the real sync engine, talking to a real server over HTTP through an
 * optional transport wrapper.
 */
export interface TestLaptop {
  readonly name: string;
  readonly db: BordereauDb;
  readonly store: DexieSyncStore;
  transport: Transport;
  now: () => number;
  sync(options?: { pullLimit?: number }): Promise<SyncCycleResult>;
  close(): void;
}

let counter = 0;

/**
 * A laptop at the latest schema. `existing`: its IndexedDB and database name, to open (and
 * upgrade) a database an older schema wrote, as a laptop does after an update.
 */
export function laptop(
  server: TestServer,
  account: TestAccount,
  name = `laptop-${++counter}`,
  existing?: { readonly indexedDB: IDBFactory; readonly dbName: string },
): TestLaptop {
  const db = new BordereauDb(existing?.dbName ?? `bordereau-${name}-${counter}`, {
    indexedDB: existing?.indexedDB ?? new IDBFactory(),
    IDBKeyRange,
  });
  const store = new DexieSyncStore(db);
  const device: TestLaptop = {
    name,
    db,
    store,
    transport: fetchTransport,
    now: Date.now,
    sync: (options = {}) =>
      runSyncCycle({
        api: new SyncApi(server.url, (url, init) => device.transport(url, init)).withToken(
          account.token,
        ),
        store,
        now: () => device.now(),
        ...(options.pullLimit !== undefined ? { pullLimit: options.pullLimit } : {}),
      }),
    close: () => db.close(),
  };
  return device;
}

/** A real server per test and the laptops a test opens against it (see useSyncWorld). */
export interface SyncWorld {
  server(): TestServer;
  /** A laptop of `account`, closed after the test; `existing`: as for `laptop`. */
  device(
    account: 'office' | 'tech1' | 'tech2',
    name: string,
    existing?: { readonly indexedDB: IDBFactory; readonly dbName: string },
  ): TestLaptop;
}

/**
 * For each test of the suite: a real server on `backend`, closed after the test with every
 * laptop opened through `device`. Call in a describe block; read it inside a test.
 */
export function useSyncWorld(backend: Backend): SyncWorld {
  let server: TestServer | undefined;
  const laptops: TestLaptop[] = [];
  beforeEach(async () => {
    server = await startTestServer(backend);
  });
  afterEach(async () => {
    for (const d of laptops.splice(0)) d.close();
    await server?.close();
    server = undefined;
  });
  if (backend === 'postgres') afterEach(async () => stopPostgres());
  const current = (): TestServer => {
    if (!server) throw new Error('useSyncWorld : à lire dans un test, pas à la déclaration.');
    return server;
  };
  return {
    server: current,
    device(account, name, existing) {
      const d = laptop(current(), current()[account], name, existing);
      laptops.push(d);
      return d;
    },
  };
}

/** For each test: a real server on `backend` and the office's laptop against it. */
export function useOfficeLaptop(backend: Backend): () => {
  server: TestServer;
  office: TestLaptop;
} {
  const world = useSyncWorld(backend);
  let office: TestLaptop | undefined;
  beforeEach(() => {
    office = world.device('office', 'office');
  });
  return () => {
    if (!office) throw new Error('useOfficeLaptop : à lire dans un test, pas à la déclaration.');
    return { server: world.server(), office };
  };
}

/** The office's client (« Cabinet Lefèvre »), synced and assigned to the first technician. */
export async function officeClientForTech1(world: SyncWorld): Promise<{
  office: TestLaptop;
  clientId: string;
}> {
  const server = world.server();
  const office = world.device('office', 'office');
  const client = await createLocalClient(office.db, { name: 'Cabinet Lefèvre', city: 'Vincennes' });
  await office.sync();
  await server.assign(server.tech1, client.id);
  return { office, clientId: client.id };
}

const LOCAL_ONLY_FIELDS = new Set<string>([...EQUIPMENT_INDEX_FIELDS]);

function digest(lines: string[]): string {
  return createHash('sha256').update(lines.sort().join('\n')).digest('hex');
}

/** What a device holds, one canonical line per record, in the server's representation. */
export async function deviceLines(
  db: BordereauDb,
  entities: readonly EntityName[] = ENTITY_NAMES,
): Promise<string[]> {
  const lines: string[] = [];
  for (const entity of entities) {
    const rows = (await db.table(tableNameOf(entity)).toArray()) as Record<string, unknown>[];
    for (const row of rows) {
      const data = stripEnvelope(row);
      for (const key of LOCAL_ONLY_FIELDS) delete data[key];
      if (entity === 'syncConflicts') delete data['createdAt'];
      lines.push(
        `${entity}:${String(row['id'])}:${String(row['revision'])}:${canonicalJson(data)}`,
      );
    }
  }
  return lines;
}

/** What the server holds for an account's scope (null = every client), same representation. */
export async function serverLines(
  server: TestServer,
  scope: readonly string[] | null,
  entities: readonly EntityName[] = ENTITY_NAMES,
): Promise<string[]> {
  const result = await server.db.query<{
    entity: string;
    id: string;
    client_id: string | null;
    data: Record<string, unknown>;
    revision: number;
    updated_at: number;
  }>('SELECT entity, id, client_id, data, revision, updated_at FROM records WHERE NOT deleted');
  return result.rows
    .filter((r) => (entities as readonly string[]).includes(r.entity))
    .filter((r) => scope === null || r.client_id === null || scope.includes(r.client_id))
    .map((r) => {
      // Through the same mapping as a pull, so both sides compare in the local representation.
      const local = toLocalRecord({
        entity: r.entity,
        recordId: r.id,
        clientId: r.client_id,
        revision: Number(r.revision),
        deleted: false,
        data: r.data,
        updatedAt: Number(r.updated_at),
      });
      return `${r.entity}:${r.id}:${Number(r.revision)}:${canonicalJson(stripEnvelope(local))}`;
    });
}

export async function deviceChecksum(db: BordereauDb): Promise<string> {
  return digest(await deviceLines(db));
}

export async function serverChecksum(
  server: TestServer,
  scope: readonly string[] | null,
): Promise<string> {
  return digest(await serverLines(server, scope));
}
