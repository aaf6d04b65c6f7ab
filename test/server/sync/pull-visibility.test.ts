import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../../server/db/database';
import { pullChanges } from '../../../server/sync/pull';
import type { AuthenticatedAccount } from '../../../server/auth/tokens';
import { migrate } from '../../../server/db/migrations';
import { openPostgresDatabase } from '../../../server/db/postgres-database';
import { createPostgresDatabase, stopPostgres } from '../helpers';

/**
 * The cursor must never skip a change committed late: a transaction that drew its position
 * early and commits after a later one must still be served to a device that pulled between
 * the two commits.
 */
describe('pull cursor under concurrent transactions (PostgreSQL)', () => {
  let db: Database;
  let url: string;
  const office: AuthenticatedAccount = {
    id: uuidv7(),
    email: 'bureau@example.fr',
    name: 'Bureau',
    role: 'office',
  };

  beforeAll(async () => {
    url = await createPostgresDatabase();
    db = openPostgresDatabase(url);
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    await stopPostgres();
  });

  const insert = (client: pg.Client, id: string) =>
    client.query(
      `INSERT INTO records (entity, id, client_id, data, field_revisions, revision, created_at, updated_at)
       VALUES ('clients', $1, $1, '{"name":"x"}', '{}', 1, 0, 0)`,
      [id],
    );

  it('holds back changes behind an open transaction, then serves them all, none skipped', async () => {
    const early = new pg.Client({ connectionString: url });
    const late = new pg.Client({ connectionString: url });
    await early.connect();
    await late.connect();
    try {
      const deviceId = uuidv7();
      const earlyId = uuidv7();
      const lateId = uuidv7();
      await early.query('BEGIN');
      await insert(early, earlyId); // draws the lower position, commits last
      await late.query('BEGIN');
      await insert(late, lateId);
      await late.query('COMMIT');

      const during = await pullChanges(db, office, { deviceId, cursor: '0', limit: 100 });
      // The late transaction is committed but sorts after the open one: not served yet.
      expect(during.records.map((r) => r.recordId)).toEqual([]);

      await early.query('COMMIT');
      const after = await pullChanges(db, office, { deviceId, cursor: during.cursor, limit: 100 });
      expect(after.records.map((r) => r.recordId)).toEqual([earlyId, lateId]);
    } finally {
      await early.end();
      await late.end();
    }
  });

  it('never skips a change when many writers commit in random order while a device pulls', async () => {
    const writers = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        return c;
      }),
    );
    const deviceId = uuidv7();
    const written: string[] = [];
    const seen = new Set<string>();
    let cursor = '0';
    try {
      const writing = Promise.all(
        writers.map(async (c) => {
          for (let i = 0; i < 25; i++) {
            const id = uuidv7();
            await c.query('BEGIN');
            await insert(c, id);
            await new Promise((r) => setTimeout(r, Math.random() * 8));
            await c.query('COMMIT');
            written.push(id);
          }
        }),
      );
      let done = false;
      void writing.then(() => (done = true));
      while (!done) {
        const page = await pullChanges(db, office, { deviceId, cursor, limit: 1000 });
        for (const r of page.records) seen.add(r.recordId);
        cursor = page.cursor;
      }
      await writing;
      for (;;) {
        const page = await pullChanges(db, office, { deviceId, cursor, limit: 1000 });
        for (const r of page.records) seen.add(r.recordId);
        cursor = page.cursor;
        if (!page.hasMore && page.records.length === 0) break;
      }
      expect(written).toHaveLength(200);
      expect(written.filter((id) => !seen.has(id))).toEqual([]);
    } finally {
      await Promise.all(writers.map((c) => c.end()));
    }
  });
});
