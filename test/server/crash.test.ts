import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { createAccount } from '../../server/auth/accounts';
import type { Database } from '../../server/db/database';
import { migrate } from '../../server/db/migrations';
import { openPgliteDatabase } from '../../server/db/pglite-database';
import { openPostgresDatabase } from '../../server/db/postgres-database';
import type { Backend } from './helpers';
import {
  ApiClient,
  BACKENDS,
  PASSWORD,
  TestDevice,
  count,
  createPostgresDatabase,
  login,
  siteData,
  spawnServerProcess,
  stopPostgres,
} from './helpers';

/**
 * The server process is killed (SIGKILL) in the middle of a batch (held there by the crash-test
 * fault injection), restarted, and the laptop retries: every mutation is applied exactly once.
 */
describe.each(BACKENDS)('server killed mid-batch (%s)', (backend: Backend) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    if (backend === 'postgres') await stopPostgres();
  });

  it(
    'applies every mutation exactly once after a kill in the middle of a batch and a retry',
    { timeout: 120_000 },
    async () => {
      let env: Record<string, string>;
      let openDb: () => Promise<Database>;
      if (backend === 'postgres') {
        const url = await createPostgresDatabase();
        env = { DATABASE_URL: url };
        openDb = async () => openPostgresDatabase(url);
      } else {
        const dir = await mkdtemp(join(tmpdir(), 'bordereau-crash-'));
        cleanups.push(() => rm(dir, { recursive: true, force: true }));
        env = { BORDEREAU_DATA_DIR: dir };
        openDb = () => openPgliteDatabase(dir);
      }
      const email = `bureau.${uuidv7().slice(-8)}@example.fr`;
      {
        const db = await openDb();
        await migrate(db);
        await createAccount(
          db,
          { email, name: 'Bureau', role: 'office', password: PASSWORD },
          Date.now(),
        );
        await db.close();
      }

      const clientId = uuidv7();
      const device = new TestDevice(new ApiClient('', null));
      const first = [
        device.upsert('clients', clientId, { name: 'ALLANCE SAS' }),
        ...Array.from({ length: 499 }, () =>
          device.upsert('sites', uuidv7(), { ...siteData(clientId), accessNotes: 'x'.repeat(400) }),
        ),
      ];
      const second = Array.from({ length: 200 }, () =>
        device.upsert('sites', uuidv7(), siteData(clientId)),
      );
      const total = first.length + second.length;

      // 1. Killed while applying the first batch: this server stalls, transaction open, before
      //    the 250th mutation (the first 249 are applied but not committed).
      const doomed = await spawnServerProcess({ ...env, BORDEREAU_TEST_STALL_AT_MUTATION: '249' });
      const doomedApi = new ApiClient(doomed.url, await login(doomed.url, email, PASSWORD));
      let settled = false;
      const sending = doomedApi.push(device.deviceId, first).then(
        (res) => res.status,
        () => 0,
      );
      void sending.then(() => (settled = true));
      await new Promise((r) => setTimeout(r, 1500));
      expect(settled).toBe(false);
      await doomed.kill('SIGKILL');
      expect(await sending).toBe(0);

      if (backend === 'postgres') {
        // Nothing of the interrupted batch is visible.
        const check = openPostgresDatabase(env['DATABASE_URL']!, 1);
        expect(
          await count(check, 'SELECT count(*) AS n FROM records WHERE client_id = $1', [clientId]),
        ).toBe(0);
        await check.close();
      }

      // 2. Restarted; the laptop retries the same batch, then goes on with the next one.
      const server = await spawnServerProcess(env);
      try {
        const api = new ApiClient(server.url, await login(server.url, email, PASSWORD));
        const retry = await api.push(device.deviceId, first);
        expect(retry.status).toBe(200);
        expect(retry.body.lastMutationId).toBe(first.length);
        for (const r of retry.body.results)
          expect(['applied', 'alreadyApplied']).toContain(r.status);
        const next = await api.push(device.deviceId, second);
        expect(next.body.results.every((r) => r.status === 'applied')).toBe(true);
      } finally {
        await server.kill('SIGTERM');
      }

      const db = await openDb();
      try {
        expect(
          await count(db, 'SELECT count(*) AS n FROM records WHERE client_id = $1', [clientId]),
        ).toBe(total);
        expect(
          await count(db, 'SELECT count(*) AS n FROM mutation_results WHERE device_id = $1', [
            device.deviceId,
          ]),
        ).toBe(total);
        expect(
          await count(
            db,
            'SELECT count(DISTINCT mutation_id) AS n FROM mutation_results WHERE device_id = $1',
            [device.deviceId],
          ),
        ).toBe(total);
        expect(
          await count(db, 'SELECT max(revision) AS n FROM records WHERE client_id = $1', [
            clientId,
          ]),
        ).toBe(1);
        expect(
          await count(db, 'SELECT last_mutation_id AS n FROM devices WHERE device_id = $1', [
            device.deviceId,
          ]),
        ).toBe(total);
      } finally {
        await db.close();
      }
    },
  );
});
