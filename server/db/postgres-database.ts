import pg from 'pg';
import type { Database, IsolationLevel, Queryable, QueryResult } from './database';

const INT8_OID = 20;

/** A PostgreSQL server through a connection pool; several server instances may share it. */
export function openPostgresDatabase(connectionString: string, maxConnections = 10): Database {
  const pool = new pg.Pool({
    connectionString,
    max: maxConnections,
    // A database that does not answer (host down, network cut) fails the request (503) instead
    // of holding it forever.
    connectionTimeoutMillis: 10_000,
    // bigint columns hold revisions, sequence numbers and ms timestamps, all far below 2^53.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const result = await client.query(sql, [...params]);
      return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
    },
  });
  return {
    kind: 'postgres',
    query: wrap(pool).query,
    async transaction<T>(
      work: (tx: Queryable) => Promise<T>,
      isolation: IsolationLevel = 'read committed',
    ): Promise<T> {
      const client = await pool.connect();
      // A connection whose ROLLBACK failed is in an unknown state: destroyed, not reused.
      let broken: Error | undefined;
      // While checked out, a client has no listener of the pool's: a connection dropped by the
      // server (restart, pg_terminate_backend) emits 'error' on it, and an 'error' event nobody
      // listens to ends the process. The query in flight fails too, which answers 503.
      const onError = (error: Error): void => {
        broken = error;
      };
      client.on('error', onError);
      try {
        await client.query(
          isolation === 'repeatable read' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ' : 'BEGIN',
        );
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken =
            rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    async exec(sql: string): Promise<void> {
      await pool.query(sql);
    },
    async close(): Promise<void> {
      await pool.end();
    },
  };
}
