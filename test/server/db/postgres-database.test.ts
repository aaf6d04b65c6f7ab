import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { createAccount } from '../../../server/auth/accounts';
import { migrate } from '../../../server/db/migrations';
import { openPostgresDatabase } from '../../../server/db/postgres-database';
import type { Mutation } from '../../../shared/sync/mutation';
import type { ServerProcess } from '../helpers';
import {
  ApiClient,
  PASSWORD,
  TestDevice,
  clientData,
  createPostgresDatabase,
  login,
  spawnServerProcess,
  stopPostgres,
} from '../helpers';

const DEVICES = 4;
const BATCHES_PER_DEVICE = 12;
const BATCH_SIZE = 15;
const KILL_ROUNDS = 25;

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * PostgreSQL drops the server's connections again and again (pg_terminate_backend from a
 * second connection) while four laptops push and pull: the server process never exits, the
 * requests in flight get 503, every acknowledged mutation is stored, and a full pull after
 * the faults holds exactly the acknowledged records.
 */
describe('PostgreSQL connections dropped under load', () => {
  let server: ServerProcess | null = null;
  afterAll(async () => {
    await server?.kill();
    await stopPostgres();
  });

  it(
    'keeps serving, answers 503 in flight and loses no acknowledged mutation',
    { timeout: 240_000 },
    async () => {
      const url = await createPostgresDatabase();
      const email = `bureau.${uuidv7().slice(-8)}@example.fr`;
      {
        const db = openPostgresDatabase(url);
        await migrate(db);
        await createAccount(
          db,
          { email, name: 'Bureau', role: 'office', password: PASSWORD },
          Date.now(),
        );
        await db.close();
      }
      server = await spawnServerProcess({ DATABASE_URL: url });
      const api = new ApiClient(server.url, await login(server.url, email, PASSWORD));
      const database = new URL(url).pathname.slice(1);

      const statuses = new Map<number, number>();
      const seen = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const acknowledged = new Set<string>();

      // A laptop: pushes its batches in order, retrying one until the server answers it.
      const laptop = async (): Promise<void> => {
        const device = new TestDevice(api);
        let previous = 0;
        for (let b = 0; b < BATCHES_PER_DEVICE; b++) {
          const batch: Mutation[] = Array.from({ length: BATCH_SIZE }, () =>
            device.upsert('clients', uuidv7(), clientData(`Client ${b}`)),
          );
          for (let attempt = 0; ; attempt++) {
            expect(attempt).toBeLessThan(200);
            const res = await device.push(batch, previous).catch(() => ({ status: 0, body: null }));
            seen(res.status);
            if (res.status === 200 && res.body && !res.body.gap) {
              res.body.results.forEach((r, i) => {
                expect(['applied', 'alreadyApplied']).toContain(r.status);
                acknowledged.add(batch[i]!.recordId);
              });
              previous = res.body.lastMutationId;
              break;
            }
            expect([0, 503]).toContain(res.status);
            await pause(20);
          }
          // A pull between batches, answered or refused with 503 while connections drop.
          const pulled = await api.pull(device.deviceId).catch(() => ({ status: 0 }));
          seen(pulled.status);
          expect([0, 200, 503]).toContain(pulled.status);
        }
      };

      // The fault: every backend of the server's database terminated, again and again.
      let killing = true;
      const killer = (async () => {
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        try {
          for (let round = 0; round < KILL_ROUNDS && killing; round++) {
            await admin.query(
              'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
              [database],
            );
            expect(alive(server!.pid)).toBe(true);
            await pause(60 + Math.floor(Math.random() * 60));
          }
        } finally {
          await admin.end();
        }
      })();

      await Promise.all(Array.from({ length: DEVICES }, () => laptop()));
      killing = false;
      await killer;

      expect(alive(server.pid)).toBe(true);
      expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
      expect(statuses.get(0) ?? 0).toBe(0);
      expect(acknowledged.size).toBe(DEVICES * BATCHES_PER_DEVICE * BATCH_SIZE);

      // Serving again, and a full pull holds exactly the acknowledged records.
      const health = await api.request('GET', '/health');
      expect(health.status).toBe(200);
      const { records } = await api.pullAll(uuidv7());
      const pulled = new Set(records.filter((r) => r.entity === 'clients').map((r) => r.recordId));
      expect(pulled).toEqual(acknowledged);
    },
  );
});
