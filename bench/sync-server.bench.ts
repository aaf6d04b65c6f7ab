/**
 * Office sync server throughput, on embedded PGlite (data directory on disk) and on
 * PostgreSQL 15 (throwaway local cluster, fsync off), each beside the database's own bulk
 * insert rate measured in the same run:
 * - push: 1,000 draft reports then 10,000 inventory (equipment) changes from one laptop,
 *   through HTTP in protocol-sized batches (reports 200 per batch to stay under 1 MB,
 *   equipment 500 per batch);
 * - first pull: 100,000 records (seeded by SQL) by a new laptop, pages of 5,000.
 * Run: `npx tsx bench/sync-server.bench.ts` (or `npm run bench -- sync-server`).
 * Set BENCH_BACKENDS=pglite or =postgres to run one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { buildApp } from '../server/app';
import { createAccount } from '../server/auth/accounts';
import type { Database } from '../server/db/database';
import { migrate } from '../server/db/migrations';
import { openPgliteDatabase } from '../server/db/pglite-database';
import { openPostgresDatabase } from '../server/db/postgres-database';
import { startPgCluster } from '../scripts/pg-test-cluster';
import { ApiClient, TestDevice, login } from '../test/server/helpers';
import { draftReport, plain } from '../test/server/report-fixture';

const REPORTS = 1_000;
const INVENTORY = 10_000;
const PULL_RECORDS = 100_000;
const PASSWORD = 'benchmark password 2026';

type Figures = Record<string, string>;

const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en-US')}/s`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function equipment(clientId: string, i: number): Record<string, unknown> {
  return {
    clientId,
    category: 'desktop',
    brand: 'Dell',
    model: 'OptiPlex 7010',
    serialNumber: `SN-${i}`,
    hostname: `PC-${String(i).padStart(5, '0')}`,
    assignedUser: `Utilisateur ${i}`,
    location: 'Open space',
    purchaseDate: '2023-03-01',
    warrantyEndDate: '2026-03-01',
  };
}

/** The database's own rate: rows shaped like `records`, inserted by SQL in 1,000-row statements in one transaction. */
async function bulkInsertRate(db: Database, clientId: string): Promise<number> {
  const rows = 100_000;
  const started = performance.now();
  await db.transaction(async (tx) => {
    for (let offset = 0; offset < rows; offset += 1000) {
      const ids = Array.from({ length: 1000 }, () => uuidv7());
      const data = ids.map((_, i) => JSON.stringify(equipment(clientId, offset + i)));
      await tx.query(
        `INSERT INTO bench_bulk (id, client_id, data) SELECT unnest($1::uuid[]), $2, unnest($3::jsonb[])`,
        [ids, clientId, data],
      );
    }
  });
  return performance.now() - started;
}

async function seedRecords(db: Database, clientId: string, n: number): Promise<void> {
  await db.transaction(async (tx) => {
    for (let offset = 0; offset < n; offset += 1000) {
      const ids = Array.from({ length: Math.min(1000, n - offset) }, () => uuidv7());
      const data = ids.map((_, i) => JSON.stringify(equipment(clientId, offset + i)));
      await tx.query(
        `INSERT INTO records (entity, id, client_id, data, field_revisions, revision, created_at, updated_at)
         SELECT 'equipment', unnest($1::uuid[]), $2, unnest($3::jsonb[]), '{}', 1, 0, 0`,
        [ids, clientId, data],
      );
    }
  });
}

async function run(backend: 'pglite' | 'postgres'): Promise<Figures> {
  const cleanups: (() => Promise<void>)[] = [];
  try {
    let db: Database;
    if (backend === 'pglite') {
      const dir = await mkdtemp(join(tmpdir(), 'bordereau-bench-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      db = await openPgliteDatabase(dir);
    } else {
      const cluster = await startPgCluster();
      cleanups.push(() => cluster.stop());
      db = openPostgresDatabase(cluster.url);
    }
    cleanups.unshift(() => db.close());
    await migrate(db);
    await db.query('CREATE TABLE bench_bulk (id uuid PRIMARY KEY, client_id uuid, data jsonb)');

    const email = 'bench@example.fr';
    await createAccount(
      db,
      { email, name: 'Bench', role: 'office', password: PASSWORD },
      Date.now(),
    );
    const app = await buildApp({ db });
    await app.listen({ port: 0, host: '127.0.0.1' });
    cleanups.unshift(() => app.close());
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const api = new ApiClient(url, await login(url, email, PASSWORD));

    const laptop = new TestDevice(api);
    const clientId = uuidv7();
    await laptop.push([laptop.upsert('clients', clientId, { name: 'Client bench' })]);

    const bulkMs = await bulkInsertRate(db, clientId);

    const reports = Array.from({ length: REPORTS }, (_, i) => {
      const id = uuidv7();
      return laptop.upsert('reports', id, {
        clientId,
        interventionId: uuidv7(),
        ...plain(draftReport(id, i + 1)),
      });
    });
    const equipmentIds = Array.from({ length: 2_000 }, () => uuidv7());
    const inventory = Array.from({ length: INVENTORY }, (_, i) => {
      const id = equipmentIds[i % equipmentIds.length]!;
      const round = Math.floor(i / equipmentIds.length);
      return round === 0
        ? laptop.upsert('equipment', id, equipment(clientId, i))
        : laptop.upsert(
            'equipment',
            id,
            { location: `Salle ${round}`, notes: `passage ${round}` },
            round,
          );
    });
    const push = async (mutations: typeof reports, size: number) => {
      for (let i = 0; i < mutations.length; i += size) {
        const res = await laptop.push(mutations.slice(i, i + size));
        if (res.status !== 200 || res.body.results.some((r) => r.status !== 'applied')) {
          throw new Error(`push failed: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
        }
      }
    };
    let started = performance.now();
    await push(reports, 200);
    const reportsMs = performance.now() - started;
    started = performance.now();
    await push(inventory, 500);
    const inventoryMs = performance.now() - started;

    const pullClient = uuidv7();
    await seedRecords(db, pullClient, PULL_RECORDS);
    started = performance.now();
    const pulled = await api.pullAll(uuidv7(), '0', 5000);
    const pullMs = performance.now() - started;
    const expected = PULL_RECORDS + REPORTS + 2_000 + 1;
    if (pulled.records.length !== expected)
      throw new Error(`pulled ${pulled.records.length}, expected ${expected}`);

    return {
      'DB bulk insert (100,000 rows, SQL)': `${secs(bulkMs)} (${rate(100_000, bulkMs)})`,
      'Push 1,000 reports (5 batches)': `${secs(reportsMs)} (${rate(REPORTS, reportsMs)})`,
      'Push 10,000 equipment changes (20 batches)': `${secs(inventoryMs)} (${rate(INVENTORY, inventoryMs)})`,
      [`First pull, ${expected.toLocaleString('en-US')} records (${pulled.pages} pages)`]: `${secs(pullMs)} (${rate(expected, pullMs)})`,
    };
  } finally {
    for (const cleanup of cleanups) await cleanup();
  }
}

const backends = (process.env['BENCH_BACKENDS'] ?? 'pglite,postgres').split(',') as (
  'pglite' | 'postgres'
)[];
for (const backend of backends) {
  const figures = await run(backend);
  console.log(`\n${backend}`);
  for (const [what, value] of Object.entries(figures)) console.log(`  ${what.padEnd(48)} ${value}`);
}
