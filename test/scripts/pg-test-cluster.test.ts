import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { startPgCluster } from '../../scripts/pg-test-cluster';

describe('startPgCluster', () => {
  it('starts a throwaway PostgreSQL and removes it on stop', async () => {
    const cluster = await startPgCluster();
    try {
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      const result = await client.query<{ server_version: string }>('SHOW server_version');
      await client.end();
      expect(result.rows[0]!.server_version).toMatch(/^\d+/);
    } finally {
      await cluster.stop();
    }
    expect(existsSync(cluster.dir)).toBe(false);
  });

  it('fails with a clear message when the PostgreSQL binaries are missing', async () => {
    await expect(startPgCluster('/nonexistent/postgresql/bin')).rejects.toThrow(
      /initdb a échoué.*TEST_DATABASE_URL/,
    );
  });
});
