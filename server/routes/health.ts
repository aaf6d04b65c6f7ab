import type { FastifyInstance } from 'fastify';
import type { HealthResponse } from '../../shared/sync/protocol';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../shared/sync/protocol';
import type { Database } from '../db/database';

/** Unauthenticated liveness check; it also proves the database answers. */
export function registerHealthRoute(app: FastifyInstance, db: Database): void {
  app.get('/health', async (): Promise<HealthResponse> => {
    await db.query('SELECT 1');
    return {
      status: 'ok',
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      database: db.kind,
    };
  });
}
