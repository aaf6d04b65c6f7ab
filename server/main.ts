import { parseConfig } from './config';
import { openDatabase } from './db/open-database';
import { buildApp } from './app';
import { purgeTombstones } from './sync/tombstones';

/** `npm run server`: the office server, on 127.0.0.1:$PORT (8787) by default. */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const db = await openDatabase(config.database);
  const stallAt = process.env['BORDEREAU_TEST_STALL_AT_MUTATION'];
  const app = await buildApp({
    db,
    logger: true,
    tokenTtlMs: config.tokenTtlMs,
    loginRatePerMinute: config.loginRatePerMinute,
    allowedOrigins: config.allowedOrigins,
    trustProxy: config.trustProxy,
    blobs: config.blobs,
    ...(stallAt ? { pushFaults: { stallAtIndex: Number(stallAt) } } : {}),
  });

  const purge = async (): Promise<void> => {
    try {
      const purged = await purgeTombstones(db, Date.now(), config.tombstoneRetentionMs);
      if (purged > 0) app.log.info({ purged }, 'tombstones purged');
    } catch (error) {
      app.log.error(error, 'tombstone purge failed');
    }
  };
  const purgeTimer = setInterval(() => void purge(), 6 * 60 * 60 * 1000);
  purgeTimer.unref();
  void purge();

  const shutdown = async (): Promise<void> => {
    clearInterval(purgeTimer);
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where =
    config.database.kind === 'postgres'
      ? 'PostgreSQL (DATABASE_URL)'
      : `PGlite (${config.database.dataDir})`;
  app.log.info(
    `Bordereau office server listening on http://${config.host}:${port} — database: ${where}`,
  );
  // A line a parent process can wait for (tests, scripts).
  process.stdout.write(`BORDEREAU_SERVER_READY http://${config.host}:${port}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
