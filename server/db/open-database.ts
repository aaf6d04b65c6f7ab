import type { ServerConfig } from '../config';
import type { Database } from './database';
import { migrate } from './migrations';
import { openPgliteDatabase } from './pglite-database';
import { openPostgresDatabase } from './postgres-database';

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(config: ServerConfig['database']): Promise<Database> {
  const db =
    config.kind === 'postgres'
      ? openPostgresDatabase(config.url)
      : await openPgliteDatabase(config.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
