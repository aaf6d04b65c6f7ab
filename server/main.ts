import { parseConfig } from './config';
import { lockDataDir } from './data-dir-lock';
import { openDatabase } from './db/open-database';
import { buildApp } from './app';
import { ensureFirstOfficeAccount, terminalQuestion } from './first-account';
import { parseDeliveryConfig } from './delivery/delivery-config';
import { startDeliveryWorker } from './delivery/worker';
import { purgeTombstones } from './sync/tombstones';

const HELP = `npm run server — le serveur du bureau Bordereau

Écoute sur http://$HOST:$PORT (127.0.0.1:8787 par défaut). Base : PostgreSQL si DATABASE_URL
est défini, sinon PGlite embarqué dans BORDEREAU_DATA_DIR (./data/pglite), qu'un seul
processus ouvre à la fois (verrou bordereau.lock).

Premier démarrage : le compte bureau est créé à partir de
  BORDEREAU_FIRST_OFFICE_EMAIL, BORDEREAU_FIRST_OFFICE_NAME, BORDEREAU_FIRST_OFFICE_PASSWORD
ou demandé dans le terminal. Les techniciens sont ensuite créés dans l'application
(Administration), ou avec npm run account:create serveur arrêté.

Autres variables : PORT, HOST, BORDEREAU_TOKEN_TTL_DAYS, BORDEREAU_TOMBSTONE_RETENTION_DAYS,
BORDEREAU_LOGIN_RATE_PER_MINUTE, BORDEREAU_ALLOWED_ORIGINS, BORDEREAU_ALLOW_LOOPBACK_ORIGINS,
BORDEREAU_TRUST_PROXY, BORDEREAU_SMTP_URL, BORDEREAU_MAIL_FROM, BORDEREAU_PUBLIC_URL,
BORDEREAU_DELIVERY_INTERVAL_SECONDS, BORDEREAU_UPDATES_DIR (voir docs/server.md).
`;

/** `npm run server`: the office server, on 127.0.0.1:$PORT (8787) by default. */
async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  const config = parseConfig(process.env);
  // Before opening: a second process on the same PGlite directory corrupts it.
  const unlock =
    config.database.kind === 'pglite' ? lockDataDir(config.database.dataDir) : () => undefined;
  process.once('exit', unlock);
  const db = await openDatabase(config.database);
  const first = await ensureFirstOfficeAccount(db, {
    env: process.env,
    ask: terminalQuestion(),
    now: Date.now(),
  });
  if (first.kind === 'created') process.stdout.write(`Compte bureau créé : ${first.email}\n`);
  if (first.kind === 'missing') {
    process.stdout.write(
      'Aucun compte bureau : définissez BORDEREAU_FIRST_OFFICE_EMAIL et BORDEREAU_FIRST_OFFICE_PASSWORD puis redémarrez, ou lancez le serveur dans un terminal (npm run server -- --help).\n',
    );
  }
  const deliveryConfig = parseDeliveryConfig(process.env);
  let deliveryWorker: ReturnType<typeof startDeliveryWorker> | null = null;
  const stallAt = process.env['BORDEREAU_TEST_STALL_AT_MUTATION'];
  const app = await buildApp({
    db,
    logger: true,
    tokenTtlMs: config.tokenTtlMs,
    loginRatePerMinute: config.loginRatePerMinute,
    allowedOrigins: config.allowedOrigins,
    allowLoopbackOrigins: config.allowLoopbackOrigins,
    trustProxy: config.trustProxy,
    blobs: config.blobs,
    ...(stallAt ? { pushFaults: { stallAtIndex: Number(stallAt) } } : {}),
    delivery: {
      smtpConfigured: deliveryConfig.smtpUrl !== null,
      onEnqueued: () => void deliveryWorker?.tick(),
    },
  });
  deliveryWorker = startDeliveryWorker({
    db,
    config: deliveryConfig,
    onError: (error) => app.log.error(error, 'report delivery round failed'),
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
    deliveryWorker?.stop();
    await app.close();
    await db.close();
    unlock();
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
