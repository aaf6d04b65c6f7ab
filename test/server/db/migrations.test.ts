import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, splitStatements } from '../../../server/db/migrations';
import { openPostgresDatabase } from '../../../server/db/postgres-database';
import { createPostgresDatabase, stopPostgres } from '../helpers';

describe('migrations', () => {
  afterAll(async () => {
    await stopPostgres();
  });

  it('splits statements but keeps function bodies whole', () => {
    const statements = splitStatements(MIGRATIONS[1]!.sql);
    const fn = statements.find((s) => s.startsWith('CREATE FUNCTION'));
    expect(fn).toContain('RAISE EXCEPTION');
    expect(fn?.trim().endsWith('$$;')).toBe(true);
    expect(statements.every((s) => s.trim().endsWith(';'))).toBe(true);
  });

  it('applies each migration once when several instances start together on one PostgreSQL', async () => {
    const url = await createPostgresDatabase();
    const instances = Array.from({ length: 4 }, () => openPostgresDatabase(url, 2));
    try {
      const applied = await Promise.all(instances.map((db) => migrate(db)));
      const all = applied.flat().sort();
      expect(all).toEqual(MIGRATIONS.map((m) => m.version).sort());
      expect(await migrate(instances[0]!)).toEqual([]);
      const rows = await instances[0]!.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM schema_migrations',
      );
      expect(rows.rows[0]!.n).toBe(MIGRATIONS.length);
    } finally {
      await Promise.all(instances.map((db) => db.close()));
    }
  });
});
