import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { createAccount } from '../../server/auth/accounts';
import type { AuthenticatedAccount } from '../../server/auth/tokens';
import type { Database } from '../../server/db/database';
import { migrate } from '../../server/db/migrations';
import { openPostgresDatabase } from '../../server/db/postgres-database';
import { pullChanges } from '../../server/sync/pull';
import { grantClient } from '../../server/sync/scope';
import type { TestServer } from './helpers';
import {
  PASSWORD,
  createClient,
  createPostgresDatabase,
  siteData,
  startTestServer,
  stopPostgres,
} from './helpers';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether `promise` is still pending after `ms`. */
async function pendingAfter(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await sleep(ms);
  return !settled;
}

/**
 * Assigning a client re-sends its records to the technician. Under READ COMMITTED the
 * re-sending UPDATE does not see a record inserted by a push still in flight; if that push
 * then commits below a cursor the technician has already passed, the record is never
 * served to them. The assignment must wait for writers in flight.
 */
describe('assigning a client while a push of that client is in flight (PostgreSQL)', () => {
  let db: Database;
  let url: string;
  let tech: AuthenticatedAccount;
  const connections: pg.Client[] = [];

  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    connections.push(c);
    return c;
  };
  const insert = (c: Pick<Database, 'query'>, clientId: string, id = uuidv7()) =>
    c.query(
      `INSERT INTO records (entity, id, client_id, data, field_revisions, revision, created_at, updated_at)
       VALUES ('sites', $1, $2, '{}', '{}', 1, 0, 0)`,
      [id, clientId],
    );
  const pullFrom = async (deviceId: string, cursor: string) => {
    const seen: string[] = [];
    for (;;) {
      const page = await pullChanges(db, tech, { deviceId, cursor, limit: 100 });
      seen.push(...page.records.map((r) => r.recordId));
      cursor = page.cursor;
      if (!page.hasMore) return { seen, cursor };
    }
  };

  beforeAll(async () => {
    url = await createPostgresDatabase();
    db = openPostgresDatabase(url);
    await migrate(db);
    tech = await createAccount(
      db,
      { email: 't@example.fr', name: 'Tech', role: 'technician', password: PASSWORD },
      Date.now(),
    );
  });
  afterAll(async () => {
    await Promise.all(connections.map((c) => c.end()));
    await db?.close();
    await stopPostgres();
  });

  it('waits for the writer, so the record it inserted reaches the technician', async () => {
    const owned = uuidv7(); // already assigned
    const granted = uuidv7(); // being assigned
    await db.query('INSERT INTO assignments VALUES ($1, $2, 0)', [tech.id, owned]);
    const existing = uuidv7();
    await insert(db, granted, existing);
    const deviceId = uuidv7();
    const start = await pullFrom(deviceId, '0');

    const writer = await connect();
    const other = await connect();
    // A push creating a record of the client (transaction n), still open.
    const late = uuidv7();
    await writer.query('BEGIN');
    await insert(writer, granted, late);
    // A change the technician sees anyway (n + 1), committed.
    await other.query('BEGIN');
    await insert(other, owned);
    await other.query('COMMIT');

    // The assignment (n + 2), kept open until the technician has pulled once more.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let grantedInTransaction = false;
    const assignment = db.transaction(async (tx) => {
      const newly = await grantClient(tx, tech.id, granted, Date.now());
      grantedInTransaction = true;
      await gate;
      return newly;
    });
    let waited: boolean;
    let between: { seen: string[]; cursor: string };
    try {
      await sleep(300);
      waited = !grantedInTransaction;
      await writer.query('COMMIT');
      // Between the writer's commit and the assignment's: the cursor moves past n + 1.
      between = await pullFrom(deviceId, start.cursor);
    } finally {
      release();
    }
    expect(await assignment).toBe(true);

    const after = await pullFrom(deviceId, between.cursor);
    const served = new Set([...between.seen, ...after.seen]);
    expect(served.has(existing)).toBe(true);
    expect(served.has(late)).toBe(true);
    expect(waited).toBe(true);
  });
  it('does not deadlock with a push that has locked a record of the client but not written yet', async () => {
    const granted = uuidv7();
    const existing = uuidv7();
    await insert(db, granted, existing);
    const push = await connect();
    // A push locks the records of its batch first (BatchRecords.lock), then writes them.
    await push.query('BEGIN');
    await push.query("SELECT 1 FROM records WHERE entity = 'sites' AND id = $1 FOR UPDATE", [
      existing,
    ]);
    const assignment = db.transaction((tx) => grantClient(tx, tech.id, granted, Date.now()));
    const settled = assignment.then(
      () => 'assigned',
      (error: unknown) => error,
    );
    await sleep(200);
    let pushed: unknown = 'pushed';
    try {
      await push.query("UPDATE records SET revision = 2 WHERE entity = 'sites' AND id = $1", [
        existing,
      ]);
      await push.query('COMMIT');
    } catch (error) {
      pushed = error;
      await push.query('ROLLBACK');
    }
    expect(pushed).toBe('pushed');
    expect(await settled).toBe('assigned');
  });
});

describe('the assignment route waits for a push of the client in flight (PostgreSQL)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('postgres');
  });
  afterAll(async () => {
    await server?.close();
    await stopPostgres();
  });

  it('answers once the writer has committed, and the technician then pulls its record', async () => {
    const clientId = await createClient(server);
    const writer = new pg.Client({ connectionString: server.databaseUrl! });
    await writer.connect();
    try {
      const late = uuidv7();
      await writer.query('BEGIN');
      await writer.query(
        `INSERT INTO records (entity, id, client_id, data, field_revisions, revision, created_at, updated_at)
         VALUES ('sites', $1, $2, $3, '{}', 1, 0, 0)`,
        [late, clientId, JSON.stringify(siteData(clientId))],
      );
      const tech = await server.addAccount('technician');
      const assignment = server.assign(tech, clientId);
      expect(await pendingAfter(assignment, 300)).toBe(true);
      await writer.query('COMMIT');
      await assignment;
      const pulled = await tech.api.pullAll(uuidv7());
      expect(pulled.records.map((r) => r.recordId)).toEqual(
        expect.arrayContaining([clientId, late]),
      );
    } finally {
      await writer.end();
    }
  });
});
