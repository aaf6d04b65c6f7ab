import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { buildApp } from '../../server/app';
import { createAccount } from '../../server/auth/accounts';
import type { Database } from '../../server/db/database';
import { migrate } from '../../server/db/migrations';
import { openPgliteDatabase } from '../../server/db/pglite-database';
import { openPostgresDatabase } from '../../server/db/postgres-database';
import { startPgCluster } from '../../scripts/pg-test-cluster';
import type { PgCluster } from '../../scripts/pg-test-cluster';
import type { Mutation } from '../../shared/sync/mutation';
import type { PullResponse, PushResponse, Role } from '../../shared/sync/protocol';
import {
  PROTOCOL_VERSION,
  PROTOCOL_VERSION_HEADER,
  SCHEMA_VERSION,
  SCHEMA_VERSION_HEADER,
} from '../../shared/sync/protocol';

/**
 * Reusable harness for the office server: a real server on an ephemeral loopback port over a
 * fresh PGlite (in memory) or a fresh PostgreSQL database, with seeded accounts, and small
 * typed clients. PostgreSQL comes from TEST_DATABASE_URL (an admin URL: a database is
 * created per server) or from a throwaway cluster (scripts/pg-test-cluster.ts); when neither
 * works the tests fail with the reason, they are never skipped.
 */
export type Backend = 'pglite' | 'postgres';
export const BACKENDS: readonly Backend[] = ['pglite', 'postgres'];

export const PASSWORD = 'correct horse battery staple';

export const VERSION_HEADERS = {
  [PROTOCOL_VERSION_HEADER]: String(PROTOCOL_VERSION),
  [SCHEMA_VERSION_HEADER]: String(SCHEMA_VERSION),
};

let cluster: Promise<PgCluster> | null = null;

/** An admin URL of a PostgreSQL server, started once per test file (stop it with `stopPostgres`). */
export async function postgresAdminUrl(): Promise<string> {
  const given = process.env['TEST_DATABASE_URL'];
  if (given) return given;
  cluster ??= startPgCluster();
  return (await cluster).url;
}

export async function stopPostgres(): Promise<void> {
  if (cluster) {
    const c = await cluster;
    cluster = null;
    await c.stop();
  }
}

/** A new empty database on the test PostgreSQL server; returns its URL. */
export async function createPostgresDatabase(): Promise<string> {
  const adminUrl = await postgresAdminUrl();
  const name = `bordereau_test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function openTestDatabase(
  backend: Backend,
): Promise<{ db: Database; url: string | null }> {
  if (backend === 'pglite') {
    const db = await openPgliteDatabase(undefined);
    await migrate(db);
    return { db, url: null };
  }
  const url = await createPostgresDatabase();
  const db = openPostgresDatabase(url, 20);
  await migrate(db);
  return { db, url };
}

export type TestAccount = { id: string; email: string; role: Role; token: string; api: ApiClient };

export type TestServer = {
  backend: Backend;
  url: string;
  db: Database;
  /** The PostgreSQL URL of this server's database (null on PGlite). */
  databaseUrl: string | null;
  /** Where blob files are kept (PGlite); null when blobs live in the database (PostgreSQL). */
  blobDir: string | null;
  app: FastifyInstance;
  office: TestAccount;
  tech1: TestAccount;
  tech2: TestAccount;
  /** Creates an account and logs it in. */
  addAccount(role: Role, name?: string): Promise<TestAccount>;
  /** Gives a technician a client (and re-sends that client's records to them). */
  assign(account: TestAccount, clientId: string): Promise<void>;
  close(): Promise<void>;
};

export type StartOptions = {
  now?: () => number;
  loginRatePerMinute?: number;
  tokenTtlMs?: number;
  /** Browser origins allowed by CORS (the e2e tests' renderer server). */
  allowedOrigins?: readonly string[];
  /** Allow any loopback origin too (BORDEREAU_ALLOW_LOOPBACK_ORIGINS). */
  allowLoopbackOrigins?: boolean;
  /** Fastify's trustProxy (BORDEREAU_TRUST_PROXY). */
  trustProxy?: boolean | string[];
  /** Blob quota and upload concurrency (the blob directory is a fresh temp dir on PGlite). */
  blobs?: { quotaBytes?: number; maxConcurrentUploads?: number };
};

export async function startTestServer(
  backend: Backend,
  options: StartOptions = {},
): Promise<TestServer> {
  const { db, url: databaseUrl } = await openTestDatabase(backend);
  const now = options.now ?? Date.now;
  // The embedded mode keeps blob bytes in files, like the real server (server/main.ts).
  const blobDir = backend === 'pglite' ? await mkdtemp(join(tmpdir(), 'bordereau-blobs-')) : null;
  const app = await buildApp({
    db,
    now,
    loginRatePerMinute: options.loginRatePerMinute ?? 1000,
    ...(options.tokenTtlMs !== undefined ? { tokenTtlMs: options.tokenTtlMs } : {}),
    ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
    ...(options.allowLoopbackOrigins ? { allowLoopbackOrigins: true } : {}),
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    blobs: { ...options.blobs, ...(blobDir ? { dir: blobDir } : {}) },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  let counter = 0;
  const addAccount = async (role: Role, name = `${role} ${++counter}`): Promise<TestAccount> => {
    const email = `${role}.${randomUUID().slice(0, 8)}@example.fr`;
    const account = await createAccount(db, { email, name, role, password: PASSWORD }, now());
    const token = await login(url, email, PASSWORD);
    return { id: account.id, email, role, token, api: new ApiClient(url, token) };
  };
  const office = await addAccount('office', 'Bureau');
  const tech1 = await addAccount('technician', 'Jean Dupont');
  const tech2 = await addAccount('technician', 'Marie Curie');
  return {
    backend,
    url,
    db,
    databaseUrl,
    blobDir,
    app,
    office,
    tech1,
    tech2,
    addAccount,
    async assign(account, clientId) {
      const res = await office.api.request('POST', '/api/v1/admin/assignments', {
        accountId: account.id,
        clientId,
      });
      if (res.status !== 204)
        throw new Error(`assign failed: ${res.status} ${JSON.stringify(res.body)}`);
    },
    async close() {
      await app.close();
      await db.close();
      if (blobDir) await rm(blobDir, { recursive: true, force: true });
    },
  };
}

export async function login(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...VERSION_HEADERS },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { token?: string };
  if (res.status !== 200 || !body.token)
    throw new Error(`login failed: ${res.status} ${JSON.stringify(body)}`);
  return body.token;
}

export type ApiResponse<T = unknown> = { status: number; body: T };

/** A minimal typed client of the protocol, for tests and benchmarks. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token: string | null,
  ) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...VERSION_HEADERS,
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined
        ? { body: typeof body === 'string' ? body : JSON.stringify(body) }
        : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // Not JSON (blob bytes): the raw text is returned.
    }
    return { status: res.status, body: parsed as T };
  }

  push(
    deviceId: string,
    mutations: Mutation[],
    sentAt = Date.now(),
    previousMutationId?: number,
  ): Promise<ApiResponse<PushResponse>> {
    return this.request<PushResponse>('POST', '/api/v1/sync/push', {
      deviceId,
      sentAt,
      ...(previousMutationId !== undefined ? { previousMutationId } : {}),
      mutations,
    });
  }

  pull(deviceId: string, cursor = '0', limit?: number): Promise<ApiResponse<PullResponse>> {
    const query = new URLSearchParams({
      deviceId,
      cursor,
      ...(limit ? { limit: String(limit) } : {}),
    });
    return this.request<PullResponse>('GET', `/api/v1/sync/pull?${query.toString()}`);
  }

  /** Pulls every page from `cursor`; returns all records and the final page. */
  async pullAll(
    deviceId: string,
    cursor = '0',
    limit?: number,
  ): Promise<{ records: PullResponse['records']; last: PullResponse; pages: number }> {
    const records: PullResponse['records'] = [];
    let pages = 0;
    for (;;) {
      const res = await this.pull(deviceId, cursor, limit);
      if (res.status !== 200)
        throw new Error(`pull failed: ${res.status} ${JSON.stringify(res.body)}`);
      pages++;
      records.push(...res.body.records);
      cursor = res.body.cursor;
      if (!res.body.hasMore) return { records, last: res.body, pages };
    }
  }
}

/** Builds a device's outbox: mutations numbered 1, 2, 3… */
export class TestDevice {
  readonly deviceId = uuidv7();
  private nextId = 1;

  constructor(readonly api: ApiClient) {}

  upsert(
    entity: Mutation['entity'],
    recordId: string,
    changes: Record<string, unknown>,
    baseRevision: number | null = null,
  ): Mutation {
    return {
      mutationId: this.nextId++,
      entity,
      recordId,
      op: 'upsert',
      baseRevision,
      changes,
      at: Date.now(),
    };
  }

  delete(entity: Mutation['entity'], recordId: string, baseRevision: number | null): Mutation {
    return {
      mutationId: this.nextId++,
      entity,
      recordId,
      op: 'delete',
      baseRevision,
      changes: {},
      at: Date.now(),
    };
  }

  /** Pushes a batch; `previousMutationId` declares where it starts (see the push protocol). */
  push(mutations: Mutation[], previousMutationId?: number): Promise<ApiResponse<PushResponse>> {
    return this.api.push(this.deviceId, mutations, Date.now(), previousMutationId);
  }
}

/** Valid data for the entities with a shared schema. */
export function clientData(name = 'ALLANCE SAS'): Record<string, unknown> {
  return { name };
}

export function siteData(clientId: string): Record<string, unknown> {
  return { clientId, name: 'Siège', address: '1 rue de la Paix', postcode: '75002', city: 'Paris' };
}

/** A valid visit (`interventions`, shared/visit/visit-record.ts) of a client, plus `extra` fields. */
export function visitData(
  clientId: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    clientId,
    siteId: '0190a0a0-0000-7000-8000-000000000001',
    contractId: 'contrat-1',
    status: 'in-progress',
    startedAt: null,
    createdAt: Date.UTC(2026, 10, 2, 8, 0),
    header: {
      mode: 'onsite',
      type: 'curative',
      urgency: 'normal',
      requestReference: '',
      request: 'Serveur lent',
      representative: null,
      clientConfirmedBackup: true,
      includedInSubscription: false,
    },
    events: [],
    ...extra,
  };
}

/** Creates a client as the office and returns its id. */
export async function createClient(server: TestServer, name = 'ALLANCE SAS'): Promise<string> {
  const clientId = uuidv7();
  const device = new TestDevice(server.office.api);
  const res = await device.push([device.upsert('clients', clientId, clientData(name))]);
  if (res.status !== 200 || res.body.results[0]?.status !== 'applied') {
    throw new Error(`createClient failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return clientId;
}

/** Counts rows with a SQL query (the source of truth for "no loss, no duplicate"). */
export async function count(db: Database, sql: string, params: unknown[] = []): Promise<number> {
  const result = await db.query<{ n: number }>(sql, params);
  return Number(result.rows[0]?.n ?? 0);
}

export type ServerProcess = {
  url: string;
  pid: number;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
};

/** Runs `server/main.ts` in a child process (to kill it for real) and waits until it listens. */
export async function spawnServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const root = resolve(import.meta.dirname, '../..');
  // One process (node with the tsx loader), so that killing it kills the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`server did not start: ${out} ${err}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /BORDEREAU_SERVER_READY (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        ok(match[1]!);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited (${code}): ${err}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    async kill(signal = 'SIGKILL') {
      child.kill(signal);
      await exited;
    },
  };
}
