import { PGlite } from '@electric-sql/pglite';
import type { Database, IsolationLevel, Queryable, QueryResult } from './database';

/** Embedded PostgreSQL (WASM): one process owns the data directory; undefined = in memory. */
export async function openPgliteDatabase(dataDir: string | undefined): Promise<Database> {
  const pg = await PGlite.create(dataDir);
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const result = await q.query<T>(sql, [...params]);
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
    },
  });
  const root = wrap(pg);
  return {
    kind: 'pglite',
    query: root.query,
    async transaction<T>(
      work: (tx: Queryable) => Promise<T>,
      isolation: IsolationLevel = 'read committed',
    ): Promise<T> {
      return pg.transaction(async (tx) => {
        await tx.query(
          `SET TRANSACTION ISOLATION LEVEL ${isolation === 'repeatable read' ? 'REPEATABLE READ' : 'READ COMMITTED'}`,
        );
        return work(wrap(tx));
      });
    },
    async exec(sql: string): Promise<void> {
      await pg.exec(sql);
    },
    async close(): Promise<void> {
      await pg.close();
    },
  };
}
